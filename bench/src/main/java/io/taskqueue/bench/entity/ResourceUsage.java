package io.taskqueue.bench.entity;

import java.util.List;

/**
 * What a group of processes spent over a sampling window.
 *
 * @param group {@code server}, {@code postgres}, {@code redis} or {@code bench}
 * @param cpuPercent CPU time over wall time, as a percentage of one core (200 = two cores busy)
 * @param peakRssMb the highest sum of the group's resident sets seen in one sample
 * @param processes how many distinct processes the group had during the window
 */
public record ResourceUsage(
    String group, double cpuSeconds, double cpuPercent, double peakRssMb, int processes) {

  /** CPU share and memory for the table; CPU seconds in the JSON only. */
  public List<Metric> asMetrics() {
    return List.of(
        Metric.detail(group + " CPU s", cpuSeconds, 2),
        Metric.of(group + " CPU %", cpuPercent, 1),
        new Metric(group + " peak RSS MB", peakRssMb, 1, !group.equals("server")));
  }
}
