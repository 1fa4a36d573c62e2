/**
 * Retention: finished jobs (with their attempts, logs, progress and dependency rows), expired
 * idempotency keys and old audit entries are removed after their age, in small batches, by one node
 * at a time.
 */
package io.taskqueue.retention;
