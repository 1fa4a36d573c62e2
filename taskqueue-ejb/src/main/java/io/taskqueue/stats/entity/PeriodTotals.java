package io.taskqueue.stats.entity;

/** Finished attempts in one period: how many completed, how many failed, and how long they ran. */
public final class PeriodTotals {

  private long completed;
  private long failed;
  private long totalMillis;
  private final DurationHistogram histogram;

  public PeriodTotals() {
    this(0, 0, 0, new DurationHistogram());
  }

  public PeriodTotals(long completed, long failed, long totalMillis, DurationHistogram histogram) {
    this.completed = completed;
    this.failed = failed;
    this.totalMillis = totalMillis;
    this.histogram = histogram;
  }

  public void record(boolean succeeded, long millis) {
    if (succeeded) {
      completed++;
    } else {
      failed++;
    }
    totalMillis += millis;
    histogram.add(millis);
  }

  public void add(PeriodTotals other) {
    completed += other.completed;
    failed += other.failed;
    totalMillis += other.totalMillis;
    histogram.add(other.histogram);
  }

  public long completed() {
    return completed;
  }

  public long failed() {
    return failed;
  }

  public long totalMillis() {
    return totalMillis;
  }

  public DurationHistogram histogram() {
    return histogram;
  }
}
