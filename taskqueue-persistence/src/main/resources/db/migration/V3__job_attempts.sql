-- One row per finished attempt: who ran it, when, and how it ended. Written in the same
-- transaction as the fenced status change, so a second completion of a job would show here.
CREATE TABLE job_attempts (
    job_id      uuid         NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    attempt     integer      NOT NULL,
    lease_id    bigint,
    worker_id   varchar(200),
    started_at  timestamptz,
    finished_at timestamptz  NOT NULL,
    outcome     varchar(10)  NOT NULL CHECK (outcome IN ('COMPLETED', 'FAILED', 'LOST')),
    error       text,
    PRIMARY KEY (job_id, attempt)
);
