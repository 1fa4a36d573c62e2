-- Exact job counts per status, readable in milliseconds at any table size: COUNT(*) over ten
-- million rows takes seconds. Statement-level triggers append one delta row per status a statement
-- changed (a 1,000-job batch adds one row, not 1,000), so writers never contend on a counter row;
-- a background task folds the deltas into job_status_counts every few seconds, and a reader adds
-- the not-yet-folded deltas. Both tables change in the writer's transaction: the counts are exact.
CREATE TABLE job_status_counts (
    status varchar(10) PRIMARY KEY,
    jobs   bigint      NOT NULL
);

CREATE TABLE job_status_deltas (
    id     bigserial   PRIMARY KEY,
    status varchar(10) NOT NULL,
    delta  bigint      NOT NULL
);

CREATE FUNCTION record_job_status_deltas() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO job_status_deltas (status, delta)
            SELECT status, count(*) FROM new_rows GROUP BY status;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO job_status_deltas (status, delta)
            SELECT status, -count(*) FROM old_rows GROUP BY status;
    ELSE
        INSERT INTO job_status_deltas (status, delta)
            SELECT status, sum(d) FROM (
                SELECT status, 1 AS d FROM new_rows
                UNION ALL
                SELECT status, -1 AS d FROM old_rows) changed
            GROUP BY status HAVING sum(d) <> 0;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER jobs_counted_on_insert AFTER INSERT ON jobs
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_job_status_deltas();
CREATE TRIGGER jobs_counted_on_update AFTER UPDATE ON jobs
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_job_status_deltas();
CREATE TRIGGER jobs_counted_on_delete AFTER DELETE ON jobs
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_job_status_deltas();

INSERT INTO job_status_counts (status, jobs) SELECT status, count(*) FROM jobs GROUP BY status;

-- Finished attempts per 10-second period, one row per node and period (so nodes never contend),
-- written by each node from what its workers did: counts, summed run time, and a log-scale
-- histogram of run times (bucket i counts runs of up to 2^(i/4) ms) to read percentiles from.
CREATE TABLE job_period_stats (
    period_start timestamptz  NOT NULL,
    node         varchar(200) NOT NULL,
    completed    bigint       NOT NULL,
    failed       bigint       NOT NULL,
    total_ms     bigint       NOT NULL,
    buckets      bigint[]     NOT NULL,
    PRIMARY KEY (period_start, node)
);
