ALTER TABLE interview_interviewers DROP COLUMN part;
ALTER TABLE interview_interviewers DROP COLUMN works_on;
