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
}
