package io.taskqueue.job.entity;

/** What a cancel request found. */
public enum CancelOutcome {
  /** The job will not run (it was waiting) or is being stopped (it was running). */
  CANCELLED,
  /** No such job. */
  NOT_FOUND,
  /** The job had already finished (completed, dead or cancelled). */
  ALREADY_FINISHED
}
