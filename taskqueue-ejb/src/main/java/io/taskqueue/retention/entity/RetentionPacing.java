package io.taskqueue.retention.entity;

import java.time.Duration;

/**
 * How a round is paced.
 *
 * @param batch the most rows one statement (one short transaction) removes
 * @param maxRun how long one round may go on before it yields to the next
 * @param dbShare the share of the time the round may spend in statements: after a batch that took
 *     {@code t}, it pauses {@code t × (1 − share) / share} (0.1: a 50 ms batch, then 450 ms idle)
 */
public record RetentionPacing(int batch, Duration maxRun, double dbShare) {

  public RetentionPacing {
    if (batch < 1 || batch > 10_000) {
      throw new IllegalArgumentException("taskqueue.retention.batch must be 1 to 10000: " + batch);
    }
    if (!(dbShare > 0 && dbShare <= 1)) {
      throw new IllegalArgumentException(
          "taskqueue.retention.db-share must be above 0 and at most 1: " + dbShare);
    }
    if (maxRun.isNegative() || maxRun.isZero()) {
      throw new IllegalArgumentException("taskqueue.retention.max-run-ms must be positive");
    }
  }

  /** The pause after a batch that took {@code spent}. */
  public Duration pauseAfter(Duration spent) {
    return Duration.ofNanos((long) (spent.toNanos() * (1 - dbShare) / dbShare));
  }
}
