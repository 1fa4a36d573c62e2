-- The Redis lease that holds a running attempt. Recovery of an expired lease moves the job only
-- while this is still that lease, so a slow recoverer cannot undo a newer attempt.
ALTER TABLE jobs ADD COLUMN lease_id bigint;

-- Recovery and reconciliation look for running and waiting jobs.
CREATE INDEX jobs_unfinished_idx ON jobs (id) WHERE status IN ('QUEUED', 'RUNNING', 'RETRYING');
