package io.taskqueue.client.control;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how far apart a call is sent again: {@code initial × 2^(n−1)}, at most {@code max},
 * spread by ±20 % so that many clients do not return together; a server's {@code Retry-After} is
 * waited out when it is longer (up to a minute).
 */
public record Retries(int maxAttempts, Duration initial, Duration max) {

  private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(1);

  public static Retries defaults() {
    return new Retries(5, Duration.ofMillis(200), Duration.ofSeconds(5));
  }

  public static Retries none() {
    return new Retries(1, Duration.ZERO, Duration.ZERO);
  }

  public Retries {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
    }
  }

  /** Whether a call may be sent again after its {@code attempt}-th sending failed. */
  public boolean allowAfter(int attempt) {
    return attempt < maxAttempts;
  }

  /** How long to wait after the {@code attempt}-th sending failed. */
  public Duration delayAfter(int attempt, Duration retryAfter) {
    long base = initial.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, max.toMillis());
    long jittered = Math.round(capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
    Duration delay = Duration.ofMillis(jittered);
    if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
      return retryAfter.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : retryAfter;
    }
    return delay;
  }
}
