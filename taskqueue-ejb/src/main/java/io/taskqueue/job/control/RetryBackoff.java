package io.taskqueue.job.control;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff between attempts: base × 2^(n−1) after the n-th failed attempt, capped, with
 * ±{@code jitter} spread so that jobs that failed together do not retry together.
 */
public record RetryBackoff(Duration base, Duration max, double jitter) {

  public RetryBackoff {
    if (base.isNegative() || max.compareTo(base) < 0 || jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("invalid backoff " + base + ", " + max + ", " + jitter);
    }
  }

  /** The delay before the attempt after failed attempt {@code failedAttempt} (1 for the first). */
  public Duration delayAfter(int failedAttempt, RandomGenerator random) {
    double exponential = base.toMillis() * Math.pow(2, Math.min(failedAttempt - 1, 40));
    double capped = Math.min(exponential, max.toMillis());
    double spread = 1 + jitter * (2 * random.nextDouble() - 1);
    return Duration.ofMillis(Math.round(capped * spread));
  }
}
