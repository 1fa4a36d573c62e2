package io.taskqueue.job.control;

import io.taskqueue.job.entity.RetryPolicy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff between attempts: base × multiplier^(n−1) after the n-th failed attempt,
 * capped, with ±{@code jitter} spread so that jobs that failed together do not retry together.
 */
public record RetryBackoff(Duration base, double multiplier, Duration max, double jitter) {

  public RetryBackoff {
    if (base.isNegative()
        || multiplier < 1
        || max.compareTo(base) < 0
        || jitter < 0
        || jitter >= 1) {
      throw new IllegalArgumentException(
          "invalid backoff " + base + " × " + multiplier + " ≤ " + max + " ± " + jitter);
    }
  }

  /** The backoff of a complete policy (no null parts). */
  public static RetryBackoff of(RetryPolicy policy) {
    return new RetryBackoff(
        Duration.ofMillis(policy.initialMs()),
        policy.multiplier(),
        Duration.ofMillis(Math.max(policy.maxMs(), policy.initialMs())),
        policy.jitter());
  }

  /** The delay before the attempt after failed attempt {@code failedAttempt} (1 for the first). */
  public Duration delayAfter(int failedAttempt, RandomGenerator random) {
    double exponential = base.toMillis() * Math.pow(multiplier, Math.min(failedAttempt - 1, 60));
    double capped = Math.min(exponential, max.toMillis());
    double spread = 1 + jitter * (2 * random.nextDouble() - 1);
    return Duration.ofMillis(Math.round(capped * spread));
  }
}
