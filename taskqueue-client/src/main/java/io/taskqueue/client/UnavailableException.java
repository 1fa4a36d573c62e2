package io.taskqueue.client;

import io.taskqueue.client.entity.Problem;
import java.time.Duration;

/**
 * The server could not be reached, or answered 503 (PostgreSQL or Redis briefly unreachable), still
 * so after the client's retries.
 */
public class UnavailableException extends TaskQueueException {

  private final Duration retryAfter;

  public UnavailableException(
      String message, int status, Problem problem, Duration retryAfter, Throwable cause) {
    super(message, status, problem, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait ({@code Retry-After}), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
