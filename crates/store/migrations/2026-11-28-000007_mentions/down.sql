ALTER TABLE interviews DROP COLUMN offers;
ALTER TABLE interviews DROP COLUMN mentions;
