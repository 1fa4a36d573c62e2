-- Retention: finished jobs, expired idempotency keys and old audit entries are removed in small
-- batches by one node at a time (retention.control.PruneRound). Period statistics have their own
-- two-hour pruning (StatsStore).

-- The ages an admin set at run time (one row; a null column falls back to the configuration's
-- taskqueue.retention.* value). Days; 0 keeps those rows for ever.
CREATE TABLE retention_settings (
    id              smallint     PRIMARY KEY CHECK (id = 1),
    completed_days  integer      CHECK (completed_days >= 0),
    dead_days       integer      CHECK (dead_days >= 0),
    cancelled_days  integer      CHECK (cancelled_days >= 0),
    audit_days      integer      CHECK (audit_days >= 0),
    updated_by      varchar(200) NOT NULL,
    updated_at      timestamptz  NOT NULL
);

-- The last round that removed anything or finished a backlog (one row), for the API and console.
CREATE TABLE retention_runs (
    id          smallint     PRIMARY KEY CHECK (id = 1),
    node        varchar(200) NOT NULL,
    started_at  timestamptz  NOT NULL,
    duration_ms bigint       NOT NULL,
    removed     jsonb        NOT NULL,
    complete    boolean      NOT NULL
);

-- Expired keys and old audit entries are found by time. Plain builds: each holds off writers of
-- its table for as long as it takes, about a second per million rows; both tables are small next
-- to jobs, and an operator's action (audit) is rare.
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
CREATE INDEX audit_log_at_idx ON audit_log (at);
