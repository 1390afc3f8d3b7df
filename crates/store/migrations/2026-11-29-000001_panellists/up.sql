-- What each panellist works on and their part in the interview, written for the reader
-- (`interview note --panellist`): a panel note to them refers to both. Not private.
ALTER TABLE interview_interviewers ADD COLUMN works_on TEXT NOT NULL DEFAULT '';
ALTER TABLE interview_interviewers ADD COLUMN part TEXT NOT NULL DEFAULT '';
