package io.taskqueue;

/** What {@link TaskQueue#retry(java.util.UUID)} found. */
public enum RetryResult {
  /** The job is queued again with its full budget of attempts. */
  RETRIED,
  /** No such job. */
  NOT_FOUND,
  /**
   * The job is neither dead nor cancelled (it is waiting, running or completed), or a parent of it
   * is unfinished: queued now, it would run before that parent.
   */
  NOT_RETRYABLE
}
