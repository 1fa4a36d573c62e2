package io.taskqueue.job.entity;

/**
 * How long to wait before each retry: {@code initialMs × multiplier^(n−1)} after the n-th failed
 * attempt, capped at {@code maxMs}, spread by ±{@code jitter}. A null part takes the configured
 * default.
 */
public record RetryPolicy(Long initialMs, Double multiplier, Long maxMs, Double jitter) {

  public static final RetryPolicy DEFAULTS = new RetryPolicy(null, null, null, null);

  /** This policy with its null parts taken from {@code defaults}. */
  public RetryPolicy orElse(RetryPolicy defaults) {
    return new RetryPolicy(
        initialMs != null ? initialMs : defaults.initialMs,
        multiplier != null ? multiplier : defaults.multiplier,
        maxMs != null ? maxMs : defaults.maxMs,
        jitter != null ? jitter : defaults.jitter);
  }
}
