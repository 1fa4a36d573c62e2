-- V12's status check, checked against the rows already stored (they all pass: V12 only adds a
-- status). A transaction of its own, under SHARE UPDATE EXCLUSIVE: jobs go on meanwhile.
ALTER TABLE jobs VALIDATE CONSTRAINT jobs_status_check;
