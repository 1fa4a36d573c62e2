-- Delayed jobs wait as SCHEDULED until their run time.
ALTER TABLE jobs DROP CONSTRAINT jobs_status_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_status_check
    CHECK (status IN ('SCHEDULED', 'QUEUED', 'RUNNING', 'RETRYING', 'COMPLETED', 'DEAD', 'CANCELLED'));
DROP INDEX jobs_unfinished_idx;
CREATE INDEX jobs_unfinished_idx ON jobs (id)
    WHERE status IN ('SCHEDULED', 'QUEUED', 'RUNNING', 'RETRYING');

-- Per-job retry policy and timeout; NULL means the configured default.
ALTER TABLE jobs ADD COLUMN backoff_initial_ms bigint CHECK (backoff_initial_ms >= 0);
ALTER TABLE jobs ADD COLUMN backoff_multiplier double precision CHECK (backoff_multiplier >= 1);
ALTER TABLE jobs ADD COLUMN backoff_max_ms bigint CHECK (backoff_max_ms >= 0);
ALTER TABLE jobs ADD COLUMN backoff_jitter double precision CHECK (backoff_jitter >= 0 AND backoff_jitter < 1);
ALTER TABLE jobs ADD COLUMN timeout_ms bigint CHECK (timeout_ms > 0);

-- The attempts a job may make per run; an operator's retry grants them again. attempt itself
-- never goes back: it is the fencing token.
ALTER TABLE jobs ADD COLUMN attempt_budget integer;
UPDATE jobs SET attempt_budget = max_attempts;
ALTER TABLE jobs ALTER COLUMN attempt_budget SET NOT NULL;
ALTER TABLE jobs DROP CONSTRAINT jobs_max_attempts_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_attempt_budget_check CHECK (attempt_budget BETWEEN 1 AND 100);

-- A running attempt stopped by a user's cancel.
ALTER TABLE job_attempts DROP CONSTRAINT job_attempts_outcome_check;
ALTER TABLE job_attempts ADD CONSTRAINT job_attempts_outcome_check
    CHECK (outcome IN ('COMPLETED', 'FAILED', 'LOST', 'CANCELLED'));

-- Idempotency keys: the first submission with a key within its window owns it; later ones get
-- that job back. The primary key makes concurrent duplicates wait for and see the first.
CREATE TABLE idempotency_keys (
    key        varchar(200) PRIMARY KEY,
    job_id     uuid         NOT NULL,
    expires_at timestamptz  NOT NULL
);
