package io.taskqueue.bench.entity;

import java.util.ArrayList;
import java.util.List;

/**
 * What the sampled processes spent over a window, and how busy the rest of the machine was. On a
 * shared machine a high {@code others CPU %} means the run competed for cores and is suspect.
 *
 * @param otherCpuPercent CPU used by every other process, as a percentage of one core
 */
public record ResourceReport(List<ResourceUsage> groups, double otherCpuPercent) {

  public ResourceReport {
    groups = List.copyOf(groups);
  }

  public List<Metric> asMetrics() {
    List<Metric> metrics = new ArrayList<>();
    groups.forEach(group -> metrics.addAll(group.asMetrics()));
    metrics.add(Metric.of("others CPU %", otherCpuPercent, 1));
    return metrics;
  }

  /**
   * CPU microseconds each group spent per job over the window: what one job costs in each process,
   * comparable across runs of different rates and lengths. The load generator's own share is kept
   * in the JSON only.
   */
  public List<Metric> perJob(long jobs) {
    List<Metric> metrics = new ArrayList<>();
    if (jobs > 0) {
      for (ResourceUsage group : groups) {
        double micros = group.cpuSeconds() * 1e6 / jobs;
        String name = group.group() + " CPU µs/job";
        metrics.add(
            group.group().equals("bench")
                ? Metric.detail(name, micros, 0)
                : Metric.of(name, micros, 0));
      }
    }
    return metrics;
  }
}
