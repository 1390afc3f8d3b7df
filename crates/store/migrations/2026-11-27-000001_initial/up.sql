-- Followup schema v1. Portable between SQLite and PostgreSQL: app-generated TEXT ids,
-- BIGINT unix seconds for instants, TEXT 'YYYY-MM-DD' for calendar days, INTEGER for
-- counts, JSON in TEXT for small lists. Released migrations are never edited.

CREATE TABLE profile (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL,
    postal_address TEXT NOT NULL,
    locale TEXT NOT NULL,
    region TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE skills (
    profile_id TEXT NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (profile_id, position)
);

CREATE TABLE applications (
    id TEXT PRIMARY KEY,
    company TEXT NOT NULL,
    role TEXT NOT NULL,
    job_description TEXT NOT NULL,
    source_url TEXT NOT NULL,
    documents TEXT NOT NULL,
    status TEXT NOT NULL,
    applied_on TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX applications_by_created ON applications (created_at, id);

CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    honorific TEXT NOT NULL,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    full_name TEXT NOT NULL,
    position TEXT NOT NULL,
    organisation TEXT NOT NULL,
    emails TEXT NOT NULL,
    phones TEXT NOT NULL,
    address TEXT,
    time_zone TEXT,
    region TEXT,
    preferred_channel TEXT NOT NULL,
    notes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX contacts_by_name ON contacts (family_name, given_name, id);

-- Lower-cased addresses, so a re-imported card finds its contact by email.
CREATE TABLE contact_emails (
    email TEXT NOT NULL,
    contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (email, contact_id)
);
CREATE INDEX contact_emails_by_contact ON contact_emails (contact_id);

CREATE TABLE interviews (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    time_zone TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    format TEXT NOT NULL,
    location TEXT NOT NULL,
    notes TEXT NOT NULL,
    points_to_clarify TEXT NOT NULL,
    timeline TEXT NOT NULL,
    decide_by TEXT,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX interviews_by_start ON interviews (starts_at, id);
CREATE INDEX interviews_by_application ON interviews (application_id);

CREATE TABLE interview_interviewers (
    interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    contact_id TEXT NOT NULL REFERENCES contacts (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (interview_id, contact_id)
);
CREATE INDEX interview_interviewers_by_contact ON interview_interviewers (contact_id);
