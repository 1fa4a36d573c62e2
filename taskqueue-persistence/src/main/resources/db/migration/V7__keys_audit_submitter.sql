-- API keys. Only a SHA-256 hash of each secret is kept: a secret is 256 random bits, so a fast
-- hash is as safe as a slow one and lets a request be checked with one index lookup.
CREATE TABLE api_keys (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        varchar(100) NOT NULL UNIQUE,
    secret_hash bytea        NOT NULL UNIQUE,
    roles       varchar(100) NOT NULL,
    created_at  timestamptz  NOT NULL,
    created_by  varchar(200) NOT NULL,
    expires_at  timestamptz,
    revoked_at  timestamptz
);

-- Who did what to which jobs, when and from where: every operator and admin action, written in
-- the transaction of the action itself, so an action and its record commit or fail together.
CREATE TABLE audit_log (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz  NOT NULL,
    actor       varchar(200) NOT NULL,
    auth        varchar(10)  NOT NULL,
    action      varchar(50)  NOT NULL,
    target      varchar(500),
    job_count   integer,
    remote_addr varchar(64),
    outcome     varchar(200)
);

-- The caller a job was submitted by: a submitter may read only its own jobs.
ALTER TABLE jobs ADD COLUMN submitted_by varchar(200);
CREATE INDEX jobs_submitted_by_id ON jobs (submitted_by, id) WHERE submitted_by IS NOT NULL;
