package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.Metric;
import io.taskqueue.bench.entity.RunResult;
import io.taskqueue.bench.entity.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Median and range of each metric over a workload's runs. Failed runs are left out: a run that
 * stopped half-way would drag the median towards a number nobody measured properly.
 */
public final class RunSummaries {

  private record Key(String workload, String metric) {}

  private RunSummaries() {}

  /** One summary per (workload, metric), in the order they were first measured. */
  public static List<Summary> of(List<RunResult> results) {
    Map<Key, List<Metric>> byKey = new LinkedHashMap<>();
    for (RunResult result : results) {
      if (result.ok()) {
        for (Metric metric : result.metrics()) {
          byKey
              .computeIfAbsent(new Key(result.workload(), metric.name()), k -> new ArrayList<>())
              .add(metric);
        }
      }
    }
    List<Summary> summaries = new ArrayList<>();
    byKey.forEach(
        (key, metrics) -> {
          List<Double> values = metrics.stream().map(Metric::value).toList();
          Metric first = metrics.get(0);
          summaries.add(
              new Summary(
                  key.workload(),
                  key.metric(),
                  Percentiles.median(values),
                  values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                  values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                  values.size(),
                  first.decimals(),
                  first.detail()));
        });
    return summaries;
  }
}
