package io.taskqueue;

import java.util.UUID;

/**
 * A job is dead: its last attempt failed, or it failed in a way retrying cannot help. An operator
 * may still retry it. See {@link JobOutcome} for how it is delivered.
 *
 * @param jobId the job's id
 * @param type the job's type
 * @param attempt the attempt that failed last
 * @param error why, as recorded with the job
 */
public record JobDead(UUID jobId, String type, int attempt, String error) implements JobOutcome {}
