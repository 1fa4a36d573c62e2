package io.taskqueue;

import java.time.Duration;

/**
 * How long a failed job waits before its next attempt: {@code initial} after the first failure,
 * multiplied by {@code multiplier} after each further one, at most {@code max}, each wait shortened
 * at random by up to {@code jitter} (a fraction, so that jobs failing together do not retry
 * together). A null part takes the deployment's default.
 *
 * @param initial the first wait, 0 to 7 days
 * @param multiplier the growth per failure, 1 to 10
 * @param max the longest wait, 0 to 7 days
 * @param jitter the random fraction taken off each wait, 0 (none) up to but excluding 1
 */
public record Backoff(Duration initial, Double multiplier, Duration max, Double jitter) {

  /**
   * Waits that grow: {@code initial}, then times {@code multiplier} per failure, up to {@code max}.
   *
   * @param initial the first wait
   * @param multiplier the growth per failure
   * @param max the longest wait
   * @return the policy, with the default jitter
   */
  public static Backoff exponential(Duration initial, double multiplier, Duration max) {
    return new Backoff(initial, multiplier, max, null);
  }

  /**
   * The same wait after every failure.
   *
   * @param wait the wait
   * @return the policy, without jitter
   */
  public static Backoff fixed(Duration wait) {
    return new Backoff(wait, 1.0, wait, 0.0);
  }

  /**
   * This policy with another jitter.
   *
   * @param fraction the random fraction taken off each wait, 0 up to but excluding 1
   * @return the changed policy
   */
  public Backoff withJitter(double fraction) {
    return new Backoff(initial, multiplier, max, fraction);
  }
}
