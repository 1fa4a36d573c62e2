-- The trigger functions name taskqueue's tables unqualified. They run inside the statements of
-- whoever changed jobs, with that session's search_path: when taskqueue's tables live in a schema
-- of their own (taskqueue.db.schema), a host application's session does not have it on its path.
-- Each function now looks in the schema taskqueue was migrated into, whatever the caller's path.
ALTER FUNCTION record_job_status_deltas() SET search_path = "${flyway:defaultSchema}";
ALTER FUNCTION resolve_job_dependencies() SET search_path = "${flyway:defaultSchema}";
