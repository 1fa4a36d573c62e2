-- Idempotency keys belong to the caller that sent them: another caller's identical key is another
-- key, and never answers with the first caller's job. The fingerprint of the first request lets a
-- reuse of the key with a different request be refused (422) rather than answered with the old job.
ALTER TABLE idempotency_keys ADD COLUMN owner varchar(200) NOT NULL DEFAULT '';
ALTER TABLE idempotency_keys ADD COLUMN fingerprint varchar(64);
UPDATE idempotency_keys k SET owner = j.submitted_by
    FROM jobs j WHERE j.id = k.job_id AND j.submitted_by IS NOT NULL;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (owner, key);
