-- Job dependencies. A job with parents is stored WAITING, with waiting_for counting the parents
-- that have yet to complete; it is released (queued) when the last one completes. When a parent
-- ends dead or cancelled, a child whose policy is CANCEL is cancelled, one whose policy is
-- RUN_ANYWAY counts that parent as done.
-- The wider check is added NOT VALID and validated by V13, in a transaction of its own: validating
-- scans the table under a lock that lets submissions and workers go on, where a plain ADD
-- CONSTRAINT would stop them for the whole scan.
ALTER TABLE jobs DROP CONSTRAINT jobs_status_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_status_check
    CHECK (status IN ('WAITING', 'SCHEDULED', 'QUEUED', 'RUNNING', 'RETRYING', 'COMPLETED', 'DEAD',
                      'CANCELLED')) NOT VALID;

ALTER TABLE jobs
    ADD COLUMN workflow_id       uuid,          -- the submission the job came in, if a workflow
    ADD COLUMN workflow_key      varchar(100),  -- its name in that submission
    ADD COLUMN waiting_for       integer NOT NULL DEFAULT 0,
    ADD COLUMN on_parent_failure varchar(10) NOT NULL DEFAULT 'CANCEL'
        CHECK (on_parent_failure IN ('CANCEL', 'RUN_ANYWAY')),
    ADD COLUMN has_children      boolean NOT NULL DEFAULT false;

CREATE INDEX jobs_workflow_idx ON jobs (workflow_id) WHERE workflow_id IS NOT NULL;

-- parent_outcome is set once, when the parent first ends: a parent that an operator runs again
-- and that ends again does not count twice.
CREATE TABLE job_dependencies (
    job_id         uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    parent_id      uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    parent_outcome varchar(10),
    PRIMARY KEY (job_id, parent_id)
);
CREATE INDEX job_dependencies_parent_idx ON job_dependencies (parent_id);

-- What the engine must do to a waiting child: written in the same transaction as the parent's
-- outcome, so a crash, a lost Redis or a restarted PostgreSQL can never lose a release; drained
-- by every node (FOR UPDATE SKIP LOCKED), which then moves the child through the status table.
CREATE TABLE job_releases (
    job_id uuid        PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    action varchar(7)  NOT NULL CHECK (action IN ('RELEASE', 'CANCEL')),
    at     timestamptz NOT NULL
);

CREATE FUNCTION resolve_job_dependencies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- The UPDATE of each child takes its row lock, so parents of one child that end at the same
    -- moment count down one after the other, and exactly one of them sees the count reach zero.
    WITH resolved AS (
        UPDATE job_dependencies SET parent_outcome = NEW.status
        WHERE parent_id = NEW.id AND parent_outcome IS NULL
        RETURNING job_id),
    counted AS (
        UPDATE jobs c SET waiting_for = c.waiting_for - 1
        FROM resolved r
        WHERE c.id = r.job_id AND c.status = 'WAITING'
          AND (NEW.status = 'COMPLETED' OR c.on_parent_failure = 'RUN_ANYWAY')
        RETURNING c.id, c.waiting_for)
    INSERT INTO job_releases (job_id, action, at)
        SELECT id, 'RELEASE', now() FROM counted WHERE waiting_for = 0
        UNION ALL
        SELECT c.id, 'CANCEL', now() FROM jobs c JOIN resolved r ON c.id = r.job_id
        WHERE NEW.status <> 'COMPLETED' AND c.status = 'WAITING'
          AND c.on_parent_failure = 'CANCEL'
    ON CONFLICT (job_id) DO NOTHING;
    RETURN NULL;
END $$;

-- Only parents pay for it: has_children is set when a job is first named as a parent.
CREATE TRIGGER jobs_resolve_dependencies AFTER UPDATE OF status ON jobs
    FOR EACH ROW
    WHEN (NEW.has_children AND NEW.status IN ('COMPLETED', 'DEAD', 'CANCELLED')
          AND OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION resolve_job_dependencies();
