-- Undo: a journal of changes, per account. `changes` is what the change replaced (the
-- records as they were, and the ids it created), as JSON; `undone_at` is set when it
-- was reversed. The engine keeps the latest 100.
CREATE TABLE journal (
    account_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    summary TEXT NOT NULL,
    changes TEXT NOT NULL,
    undone_at BIGINT,
    PRIMARY KEY (account_id, seq)
);

-- The outbox is the record of what was sent: it outlives its draft (an interview deleted
-- with --force keeps it), so it no longer cascades from drafts. It keeps the interview
-- it was about, for the history.
CREATE TABLE outbox_kept (
    id TEXT PRIMARY KEY,
    draft_id TEXT NOT NULL UNIQUE,
    message_id TEXT NOT NULL,
    recipient TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    last_error TEXT NOT NULL,
    sent_text TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    sent_at BIGINT,
    account_id TEXT NOT NULL DEFAULT 'local',
    claimed_by TEXT NOT NULL DEFAULT '',
    lease_until BIGINT
);
INSERT INTO outbox_kept (id, draft_id, message_id, recipient, state, attempts, last_error,
    sent_text, created_at, updated_at, sent_at, account_id, claimed_by, lease_until)
SELECT id, draft_id, message_id, recipient, state, attempts, last_error, sent_text,
    created_at, updated_at, sent_at, account_id, claimed_by, lease_until
FROM outbox;
DROP INDEX outbox_by_state;
DROP TABLE outbox;
ALTER TABLE outbox_kept RENAME TO outbox;
CREATE INDEX outbox_by_state ON outbox (account_id, state, updated_at);
