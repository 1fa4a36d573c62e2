/**
 * Job outcomes for the application's own code: the CDI events {@link io.taskqueue.JobCompleted},
 * {@link io.taskqueue.JobFailed} and {@link io.taskqueue.JobDead}, delivered from an outbox that a
 * trigger fills in the transaction recording each outcome, and the {@code CompletionStage} of a
 * submitted job.
 */
package io.taskqueue.outcome;
