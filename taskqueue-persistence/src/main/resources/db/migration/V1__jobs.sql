-- Jobs: PostgreSQL is the source of truth; Redis holds only ids on their way to a worker.
CREATE TABLE jobs (
    id           uuid         PRIMARY KEY,           -- UUIDv7: ordering by id is ordering by creation
    type         varchar(100) NOT NULL,
    payload      jsonb        NOT NULL,
    priority     varchar(6)   NOT NULL CHECK (priority IN ('HIGH', 'MEDIUM', 'LOW')),
    status       varchar(10)  NOT NULL
        CHECK (status IN ('QUEUED', 'RUNNING', 'RETRYING', 'COMPLETED', 'DEAD', 'CANCELLED')),
    attempt      integer      NOT NULL DEFAULT 0 CHECK (attempt >= 0),  -- the fencing token
    max_attempts integer      NOT NULL CHECK (max_attempts BETWEEN 1 AND 100),
    created_at   timestamptz  NOT NULL,
    scheduled_at timestamptz,                        -- when a retrying job is due
    started_at   timestamptz,
    finished_at  timestamptz,
    last_error   text,
    result       jsonb,
    worker_id    varchar(200)
);

-- Keyset pagination, newest first, with and without each filter: (filter, id DESC).
CREATE INDEX jobs_status_id_idx   ON jobs (status, id DESC);
CREATE INDEX jobs_type_id_idx     ON jobs (type, id DESC);
CREATE INDEX jobs_priority_id_idx ON jobs (priority, id DESC);
