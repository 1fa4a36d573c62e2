package io.taskqueue.bench.entity;

/**
 * What a closed-loop submission achieved.
 *
 * @param latenciesMs every request's latency, in the order they finished
 * @param firstError the status and body of the first refused request, or null
 */
public record SubmitOutcome(
    long accepted, long errors, long elapsedNanos, double[] latenciesMs, String firstError) {

  public double jobsPerSecond() {
    return accepted / (elapsedNanos / 1e9);
  }
}
