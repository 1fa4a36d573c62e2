package io.taskqueue.bench.control;

import java.util.Arrays;
import java.util.List;

/**
 * Exact percentiles of a set of values, by nearest rank: the p-th percentile is the smallest value
 * that at least p% of the values do not exceed. No interpolation, so every reported number is one
 * that was actually measured.
 */
public final class Percentiles {

  private final double[] sorted;

  private Percentiles(double[] sorted) {
    this.sorted = sorted;
  }

  public static Percentiles of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] copy = values.clone();
    Arrays.sort(copy);
    return new Percentiles(copy);
  }

  /** The value of nearest rank {@code ceil(p/100 * n)}; {@code at(0)} is the minimum. */
  public double at(double percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent out of 0..100: " + percent);
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  public double min() {
    return sorted[0];
  }

  public double max() {
    return sorted[sorted.length - 1];
  }

  public int count() {
    return sorted.length;
  }

  /**
   * The median of a few runs' results: the middle one, or the mean of the two middle ones when
   * there is an even number (with two runs, a nearest-rank median would just be the worse one).
   */
  public static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    double[] s = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = s.length / 2;
    return s.length % 2 == 1 ? s[middle] : (s[middle - 1] + s[middle]) / 2;
  }
}
