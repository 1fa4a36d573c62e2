package io.taskqueue.bench.entity;

import java.util.Locale;

/**
 * One number a run measured, named with its unit ({@code jobs/s}, {@code latency p99 ms}).
 *
 * @param decimals how many decimals are worth printing
 * @param detail true for numbers kept in the JSON but left out of the Markdown table
 */
public record Metric(String name, double value, int decimals, boolean detail) {

  public static Metric of(String name, double value, int decimals) {
    return new Metric(name, value, decimals, false);
  }

  public static Metric detail(String name, double value, int decimals) {
    return new Metric(name, value, decimals, true);
  }

  public String formatted() {
    return format(value, decimals);
  }

  public static String format(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
