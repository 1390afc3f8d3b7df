-- The agenda reads three ranges of pending steps: overdue (ends before now), now (the
-- window holds now) and next (starts before the end of the agenda). `ends_at` in the
-- start index lets the first two filter without reading each row. A step whose window
-- holds now starts no earlier than now minus the longest pending window; the span index
-- answers that longest window in one lookup, so "now" is a short range of the start
-- index instead of a walk over every overdue step.
DROP INDEX steps_by_state_and_start;
CREATE INDEX steps_by_state_and_start ON steps (account_id, state, starts_at, ends_at);
CREATE INDEX steps_by_state_and_span ON steps (account_id, state, (ends_at - starts_at));
