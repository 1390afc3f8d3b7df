-- Followup schema v5: accounts, and claims on sends.
--
-- Every row belongs to an account; the store binds a handle to one and scopes every
-- query by it. What was there before belongs to the 'local' account, the one the CLI and
-- the local web app use. Portable between SQLite and PostgreSQL: columns are added with a
-- default; the two tables whose keys change (settings, holidays) are rebuilt, which both
-- can do because no table refers to them.

CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
INSERT INTO accounts (id, name, created_at) VALUES ('local', 'local', 0);

ALTER TABLE profile ADD COLUMN account_id TEXT NOT NULL DEFAULT 'local';
CREATE UNIQUE INDEX profile_by_account ON profile (account_id);

ALTER TABLE applications ADD COLUMN account_id TEXT NOT NULL DEFAULT 'local';
DROP INDEX applications_by_created;
CREATE INDEX applications_by_created ON applications (account_id, created_at, id);

-- A card's UID is unique within an account, not across accounts: it moves to card_uid
-- (unique per account). The old `uid` column keeps its global uniqueness and is filled
-- with 'id:' and the contact's own id for new rows.
ALTER TABLE contacts ADD COLUMN account_id TEXT NOT NULL DEFAULT 'local';
ALTER TABLE contacts ADD COLUMN card_uid TEXT NOT NULL DEFAULT '';
UPDATE contacts SET card_uid = uid;
CREATE UNIQUE INDEX contacts_by_card_uid ON contacts (account_id, card_uid);
DROP INDEX contacts_by_name;
CREATE INDEX contacts_by_name ON contacts (account_id, family_name, given_name, id);

ALTER TABLE interviews ADD COLUMN account_id TEXT NOT NULL DEFAULT 'local';
DROP INDEX interviews_by_start;
CREATE INDEX interviews_by_start ON interviews (account_id, starts_at, id);

ALTER TABLE steps ADD COLUMN account_id TEXT NOT NULL DEFAULT 'local';
DROP INDEX steps_by_state_and_start;
CREATE INDEX steps_by_state_and_start ON steps (account_id, state, starts_at);

ALTER TABLE calls ADD COLUMN account_id TEXT NOT NULL DEFAULT 'local';

ALTER TABLE drafts ADD COLUMN account_id TEXT NOT NULL DEFAULT 'local';
CREATE INDEX drafts_by_created ON drafts (account_id, created_at, id);

-- A send is claimed before the mail server is contacted: who holds the claim (host,
-- process, a random part) and until when. A `sending` row whose lease has passed, or
-- whose process is gone, is a crash, never a send in progress.
ALTER TABLE outbox ADD COLUMN account_id TEXT NOT NULL DEFAULT 'local';
ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN lease_until BIGINT;
DROP INDEX outbox_by_state;
CREATE INDEX outbox_by_state ON outbox (account_id, state, updated_at);

CREATE TABLE settings_v5 (
    account_id TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (account_id, name)
);
INSERT INTO settings_v5 (account_id, name, value) SELECT 'local', name, value FROM settings;
DROP TABLE settings;
ALTER TABLE settings_v5 RENAME TO settings;

CREATE TABLE holidays_v5 (
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    day TEXT NOT NULL,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (account_id, region, day, source)
);
INSERT INTO holidays_v5 (account_id, region, day, name, source)
    SELECT 'local', region, day, name, source FROM holidays;
DROP TABLE holidays;
ALTER TABLE holidays_v5 RENAME TO holidays;
