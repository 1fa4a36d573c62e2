/**
 * Workers: threads of a ManagedExecutorService that claim jobs from Redis, highest priority first,
 * run their handlers, and record each attempt's outcome in PostgreSQL before releasing the lease.
 */
package io.taskqueue.worker;
