-- Followup schema v4: the outbox. One row per draft; a row is written (state 'sending',
-- with its Message-ID) and committed before the mail server is contacted, so a crash
-- mid-send leaves evidence and the message is never resent automatically.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    draft_id TEXT NOT NULL UNIQUE REFERENCES drafts (id) ON DELETE CASCADE,
    message_id TEXT NOT NULL,
    recipient TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    last_error TEXT NOT NULL,
    sent_text TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX outbox_by_state ON outbox (state, updated_at);
