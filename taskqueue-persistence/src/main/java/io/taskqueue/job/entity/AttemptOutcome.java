package io.taskqueue.job.entity;

/** How one attempt ended. */
public enum AttemptOutcome {
  /** The handler succeeded and the job completed. */
  COMPLETED,
  /** The handler threw; the job was retried or buried. */
  FAILED,
  /** The worker's lease expired before it reported: it crashed, froze or lost Redis. */
  LOST,
  /** A user cancelled the job while this attempt ran. */
  CANCELLED
}
