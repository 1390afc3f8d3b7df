-- Followup schema v2: the follow-up plan, the call log, the user's holidays and settings.

-- Days the user imported (source 'file': replaces the shipped table for its region-years)
-- or added by hand (source 'user').
CREATE TABLE holidays (
    region TEXT NOT NULL,
    day TEXT NOT NULL,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (region, day, source)
);

-- The stored plan: one row per step, found again by (interview, key) when recomputed.
CREATE TABLE steps (
    id TEXT PRIMARY KEY,
    interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    step_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    contact_id TEXT,
    state TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    zone TEXT NOT NULL,
    reason TEXT NOT NULL,
    moved INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    done_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (interview_id, step_key)
);
CREATE INDEX steps_by_state_and_start ON steps (state, starts_at);

CREATE TABLE calls (
    id TEXT PRIMARY KEY,
    interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    contact_id TEXT,
    called_at BIGINT NOT NULL,
    outcome TEXT NOT NULL,
    callback_at BIGINT,
    decide_by TEXT,
    note TEXT NOT NULL
);
CREATE INDEX calls_by_interview ON calls (interview_id, called_at);

CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
