package io.taskqueue.stats.entity;

/**
 * Finished attempts over a recent window: {@code successRate} is completed / (completed + failed)
 * attempts, null without any; {@code throughputPerSecond} counts completions; run times are of
 * completed and failed attempts ({@code p95Ms} read from the histogram, see {@link
 * DurationHistogram}).
 */
public record WindowStats(
    long seconds,
    long completed,
    long failed,
    Double successRate,
    double throughputPerSecond,
    Double averageMs,
    Long p95Ms) {

  public static WindowStats of(long spanMillis, PeriodTotals totals) {
    long finished = totals.completed() + totals.failed();
    return new WindowStats(
        Math.round(spanMillis / 1000.0),
        totals.completed(),
        totals.failed(),
        finished == 0 ? null : (double) totals.completed() / finished,
        spanMillis <= 0 ? 0 : totals.completed() * 1000.0 / spanMillis,
        finished == 0 ? null : (double) totals.totalMillis() / finished,
        totals.histogram().percentile(0.95));
  }
}
