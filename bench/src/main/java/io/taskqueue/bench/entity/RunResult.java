package io.taskqueue.bench.entity;

import java.util.List;

/**
 * One measurement: a workload's run number {@code run} (from 1).
 *
 * @param failure why the run does not count, or null when it does
 */
public record RunResult(
    String workload, int run, List<Metric> metrics, List<String> notes, String failure) {

  public RunResult {
    metrics = List.copyOf(metrics);
    notes = List.copyOf(notes);
  }

  public static RunResult failed(String workload, int run, String failure) {
    return new RunResult(workload, run, List.of(), List.of(), failure);
  }

  public boolean ok() {
    return failure == null;
  }
}
