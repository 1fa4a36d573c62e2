-- Job outcomes for the application's observers (@Observes JobCompleted, JobFailed, JobDead): an
-- outbox. A status change to COMPLETED, RETRYING or DEAD appends a row in the transaction that
-- records it, so an outcome is kept exactly when it is committed; nodes with observers deliver
-- the rows under FOR UPDATE SKIP LOCKED and delete each in the delivery's own transaction.
--
-- Only while someone listens: a node with observers keeps its row in outcome_listeners current
-- (keep_until a day ahead, by default), and the trigger appends nothing when no row is current,
-- so an application without observers pays one lookup in a one-row table per statement.
CREATE TABLE outcome_listeners (
    node_id    varchar(200) PRIMARY KEY,
    keep_until timestamptz  NOT NULL
);

CREATE TABLE job_outcomes (
    id            bigserial    PRIMARY KEY,
    job_id        uuid         NOT NULL,
    job_type      varchar(100) NOT NULL,
    status        varchar(10)  NOT NULL CHECK (status IN ('COMPLETED', 'RETRYING', 'DEAD')),
    attempt       integer      NOT NULL,
    error         text,
    recorded_at   timestamptz  NOT NULL DEFAULT now(),
    -- Deliveries whose observers threw; the next waits until deliver_after.
    failures      integer      NOT NULL DEFAULT 0,
    deliver_after timestamptz  NOT NULL DEFAULT now()
);

CREATE FUNCTION record_job_outcomes() RETURNS trigger LANGUAGE plpgsql
    SET search_path = "${flyway:defaultSchema}" AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM outcome_listeners WHERE keep_until > now()) THEN
        INSERT INTO job_outcomes (job_id, job_type, status, attempt, error)
            SELECT n.id, n.type, n.status, n.attempt, n.last_error
            FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE n.status IN ('COMPLETED', 'RETRYING', 'DEAD') AND o.status <> n.status
            ORDER BY n.id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER jobs_record_outcomes AFTER UPDATE ON jobs
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_job_outcomes();
