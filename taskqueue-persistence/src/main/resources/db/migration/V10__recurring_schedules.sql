-- Recurring jobs. A schedule names a cron expression, a time zone and the job to submit at each
-- fire time. Nodes fire due schedules under FOR UPDATE SKIP LOCKED (so one node does the work),
-- but what makes a fire time fire once is the unique index on jobs below: a node that was frozen
-- with a stale view, an operator's edit that moves next_fire_at back, any interleaving at all,
-- inserts the second job for a (schedule, fire time) into a conflict and nothing else.
CREATE TABLE schedules (
    name               varchar(100) PRIMARY KEY,
    cron               varchar(200) NOT NULL,
    time_zone          varchar(64)  NOT NULL,
    -- The job template, checked by the submission rules when the schedule was stored.
    job_type           varchar(100) NOT NULL,
    payload            jsonb        NOT NULL,
    priority           varchar(6)   NOT NULL CHECK (priority IN ('HIGH', 'MEDIUM', 'LOW')),
    max_attempts       integer      NOT NULL CHECK (max_attempts BETWEEN 1 AND 100),
    backoff_initial_ms bigint,
    backoff_multiplier double precision,
    backoff_max_ms     bigint,
    backoff_jitter     double precision,
    timeout_ms         bigint,
    overlap            varchar(5)   NOT NULL CHECK (overlap IN ('ALLOW', 'SKIP')),
    misfire            varchar(9)   NOT NULL CHECK (misfire IN ('SKIP', 'FIRE_ONCE', 'FIRE_ALL')),
    misfire_limit      integer      NOT NULL CHECK (misfire_limit BETWEEN 1 AND 1000),
    paused             boolean      NOT NULL DEFAULT false,
    -- The first fire time not handled yet; null when the expression never fires again.
    next_fire_at       timestamptz,
    last_fire_at       timestamptz,
    last_job_id        uuid,
    last_skip_at       timestamptz,
    last_skip_reason   varchar(100),
    created_by         varchar(200),
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL
);

CREATE INDEX schedules_due_idx ON schedules (next_fire_at) WHERE NOT paused;

-- Each job links back to the schedule and fire time that made it (both null for other jobs, and
-- the fire time null for a "run now"). Adding nullable columns rewrites nothing; the partial index
-- holds only scheduled jobs, so other submissions pay nothing for it, and neither column ever
-- changes, so status changes stay heap-only (V9).
ALTER TABLE jobs ADD COLUMN schedule_name varchar(100), ADD COLUMN fire_time timestamptz;
CREATE UNIQUE INDEX jobs_schedule_fire_uq ON jobs (schedule_name, fire_time)
    WHERE schedule_name IS NOT NULL;
