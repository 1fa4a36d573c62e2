-- Progress and logs a handler reports while it runs. The latest progress lives on the job (none of
-- these columns is indexed, so writing them is a heap-only update); log lines live beside it, per
-- attempt, at most taskqueue.logs.max-lines-per-job per job, the rest counted in logs_dropped.
ALTER TABLE jobs
    ADD COLUMN progress_percent smallint CHECK (progress_percent BETWEEN 0 AND 100),
    ADD COLUMN progress_message varchar(500),
    ADD COLUMN progress_at      timestamptz,
    ADD COLUMN log_lines        integer NOT NULL DEFAULT 0,
    ADD COLUMN logs_dropped     integer NOT NULL DEFAULT 0;

CREATE TABLE job_logs (
    job_id  uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    seq     integer     NOT NULL,  -- 1, 2, ... per job, across its attempts
    attempt integer     NOT NULL,
    at      timestamptz NOT NULL,
    level   varchar(5)  NOT NULL CHECK (level IN ('DEBUG', 'INFO', 'WARN', 'ERROR')),
    message text        NOT NULL,
    PRIMARY KEY (job_id, seq)
);
