-- What the candidate wants to say to the employer, written for the reader: things from
-- the conversation to mention in the thank-you (`mentions`) and topics to offer to say
-- more about (`offers`). Kept apart from `notes` and `points_to_clarify`, which are
-- private and never quoted in a draft. JSON arrays of strings, like points_to_clarify.
ALTER TABLE interviews ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE interviews ADD COLUMN offers TEXT NOT NULL DEFAULT '[]';
