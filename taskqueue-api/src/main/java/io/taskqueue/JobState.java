package io.taskqueue;

/** Where a job is in its life. Completed, dead and cancelled are final. */
public enum JobState {
  /** Waiting for the jobs it depends on to complete. */
  WAITING,
  /** Waiting for its run time. */
  SCHEDULED,
  /** Waiting for a worker. */
  QUEUED,
  /** A worker runs an attempt. */
  RUNNING,
  /** An attempt failed; the next one waits for its backoff. */
  RETRYING,
  /** An attempt succeeded. */
  COMPLETED,
  /** Every attempt failed, or one failed for good. */
  DEAD,
  /** Cancelled before it could finish. */
  CANCELLED;

  /**
   * Whether the job will not run again unless an operator retries it.
   *
   * @return true for completed, dead and cancelled
   */
  public boolean isFinal() {
    return this == COMPLETED || this == DEAD || this == CANCELLED;
  }
}
