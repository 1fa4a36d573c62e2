package io.taskqueue;

/** What a job of a {@link Workflow} does when one of its parents ends dead or cancelled. */
public enum OnParentFailure {
  /** It is cancelled without running, and so are the jobs waiting for it (the default). */
  CANCEL,
  /** It runs anyway once every parent has ended, and reads their outcomes from its context. */
  RUN_ANYWAY
}
