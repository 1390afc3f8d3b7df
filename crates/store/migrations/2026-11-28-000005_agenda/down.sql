DROP INDEX steps_by_state_and_span;
DROP INDEX steps_by_state_and_start;
CREATE INDEX steps_by_state_and_start ON steps (account_id, state, starts_at);
