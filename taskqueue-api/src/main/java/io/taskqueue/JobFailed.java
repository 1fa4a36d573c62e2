package io.taskqueue;

import java.util.UUID;

/**
 * An attempt of a job failed and the job will be tried again: its handler threw, or its node died
 * or its attempt timed out while it ran. See {@link JobOutcome} for how it is delivered.
 *
 * @param jobId the job's id
 * @param type the job's type
 * @param attempt the attempt that failed
 * @param error why, as recorded with the job
 */
public record JobFailed(UUID jobId, String type, int attempt, String error) implements JobOutcome {}
