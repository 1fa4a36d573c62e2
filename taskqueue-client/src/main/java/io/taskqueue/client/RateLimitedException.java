package io.taskqueue.client;

import io.taskqueue.client.entity.Problem;
import java.time.Duration;

/** Over the caller's submit rate (429), still so after the client's retries. */
public class RateLimitedException extends TaskQueueException {

  private final Duration retryAfter;

  public RateLimitedException(String message, Problem problem, Duration retryAfter) {
    super(message, 429, problem, null);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait ({@code Retry-After}), or null when it did not say. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
