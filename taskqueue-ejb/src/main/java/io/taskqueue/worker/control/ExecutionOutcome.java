package io.taskqueue.worker.control;

/** How one claimed job ended for the worker that claimed it. */
public enum ExecutionOutcome {
  /** The attempt completed and was recorded. */
  COMPLETED,
  /** The attempt failed; another is scheduled. */
  RETRYING,
  /** The attempt failed and was the last, or could never succeed. */
  DEAD,
  /** Not run: cancelled, already run elsewhere, or a write this attempt lost to a newer one. */
  NOT_RUN;

  public boolean failed() {
    return this == RETRYING || this == DEAD;
  }
}
