-- Followup schema v5: a send is claimed before the mail server is contacted. The claim
-- names who holds it (host, process, a random part) and a lease; a `sending` row whose
-- lease has passed, or whose process is gone, is a crash, never a send in progress.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN lease_until BIGINT;
