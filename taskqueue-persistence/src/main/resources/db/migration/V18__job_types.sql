-- The job types the cluster's worker nodes run, each node's own rows renewed every few seconds
-- (seen_at), with the defaults its handler gives (priority, attempts, backoff, timeout, as JSON).
-- A node accepts a submit of any type some node registered, so that a node that only serves the
-- API needs no handlers of its own; rows no node renewed for days are removed.
CREATE TABLE job_types (
    node_id  varchar(200) NOT NULL,
    type     varchar(100) NOT NULL,
    defaults jsonb        NOT NULL,
    seen_at  timestamptz  NOT NULL,
    PRIMARY KEY (node_id, type)
);
CREATE INDEX job_types_type_seen_idx ON job_types (type, seen_at DESC);
