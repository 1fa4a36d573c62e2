package io.taskqueue.job.entity;

import java.util.UUID;

/**
 * A job id on its way into Redis: into its priority list when {@code dueMillis} is 0, otherwise
 * into its priority's delayed set until that time (Unix ms).
 */
public record QueuedJob(UUID jobId, Priority priority, long dueMillis) {

  /** A job to run now. */
  public QueuedJob(UUID jobId, Priority priority) {
    this(jobId, priority, 0);
  }
}
