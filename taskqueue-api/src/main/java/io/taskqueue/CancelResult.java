package io.taskqueue;

/** What {@link TaskQueue#cancel} found. */
public enum CancelResult {
  /** The job will not run (it was waiting) or is being stopped (it was running). */
  CANCELLED,
  /** No such job. */
  NOT_FOUND,
  /** The job had already finished (completed, dead or cancelled). */
  ALREADY_FINISHED
}
