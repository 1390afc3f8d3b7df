-- Followup schema v3: drafts of what the candidate sends or says, and their approval.
CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    step_id TEXT REFERENCES steps (id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    recipient_id TEXT REFERENCES contacts (id),
    subject TEXT,
    body TEXT NOT NULL,
    -- The exact text approved (subject and body), compared in full: any edit voids it.
    approved_text TEXT,
    approved_at BIGINT,
    override_reason TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX drafts_by_interview ON drafts (interview_id, created_at);
