package io.taskqueue;

import java.time.Duration;

/**
 * Thrown by a handler that knows when a retry can succeed (an HTTP 429 or 503 with {@code
 * Retry-After}, a rate-limited API): the attempt fails like any other, and the next one waits at
 * least {@link #after()} instead of the backoff, if the job has attempts left.
 */
public class RetryLaterException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The shortest wait before the next attempt. */
  private final Duration after;

  /**
   * A failure to retry no sooner than {@code after}.
   *
   * @param message what went wrong, as operators will read it
   * @param after the shortest wait before the next attempt (at most 7 days are honoured)
   */
  public RetryLaterException(String message, Duration after) {
    super(message);
    this.after = after;
  }

  /**
   * The shortest wait before the next attempt.
   *
   * @return the wait the handler asked for
   */
  public Duration after() {
    return after;
  }
}
