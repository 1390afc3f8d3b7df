-- Forward-only: Followup never runs down migrations (user data would be lost).
SELECT 1;
