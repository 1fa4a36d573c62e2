package io.taskqueue.stats.entity;

import java.util.Arrays;

/**
 * Run times in log-scale buckets, four per doubling: bucket {@code i} counts runs of up to {@code
 * 2^(i/4)} ms (bucket 0: up to 1 ms), the last one everything longer than 2^(LAST/4) ms (about 9
 * hours). A percentile read from it is the upper bound of its bucket: at most 19 % above the true
 * value, in a fixed 100 numbers per period whatever the load.
 */
public final class DurationHistogram {

  public static final int BUCKETS = 100;
  private final long[] counts;

  public DurationHistogram() {
    this(new long[BUCKETS]);
  }

  private DurationHistogram(long[] counts) {
    this.counts = counts;
  }

  public static DurationHistogram of(long[] counts) {
    return new DurationHistogram(Arrays.copyOf(counts, BUCKETS));
  }

  static int bucketOf(long millis) {
    if (millis <= 1) {
      return 0;
    }
    int bucket = (int) Math.ceil(4 * Math.log(millis) / Math.log(2));
    return Math.min(bucket, BUCKETS - 1);
  }

  static long upperBound(int bucket) {
    return Math.round(Math.pow(2, bucket / 4.0));
  }

  public void add(long millis) {
    counts[bucketOf(millis)]++;
  }

  public void add(DurationHistogram other) {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] += other.counts[i];
    }
  }

  public long count() {
    return Arrays.stream(counts).sum();
  }

  /** The {@code quantile} (0..1) of the recorded runs, in ms; null when none was recorded. */
  public Long percentile(double quantile) {
    long total = count();
    if (total == 0) {
      return null;
    }
    long rank = (long) Math.ceil(quantile * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= Math.max(1, rank)) {
        return upperBound(i);
      }
    }
    return upperBound(BUCKETS - 1);
  }

  public long[] counts() {
    return counts.clone();
  }
}
