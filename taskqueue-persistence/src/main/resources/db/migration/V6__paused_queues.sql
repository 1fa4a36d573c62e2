-- Paused priority queues: their jobs are kept but not claimed. PostgreSQL holds the truth, so a
-- pause survives a Redis flush; Redis holds a copy (the set claim.lua reads), restored by the
-- reconciliation task.
CREATE TABLE paused_queues (
    priority  varchar(6)  PRIMARY KEY CHECK (priority IN ('HIGH', 'MEDIUM', 'LOW')),
    paused_at timestamptz NOT NULL
);
