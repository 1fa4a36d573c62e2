package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.Metric;
import io.taskqueue.bench.entity.ResourceReport;
import io.taskqueue.bench.entity.RunResult;
import java.util.ArrayList;
import java.util.List;

/** Collects what a run measured, in the order it should be reported. */
final class RunRecord {

  private final List<Metric> metrics = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private String failure;

  RunRecord metric(String name, double value, int decimals) {
    metrics.add(Metric.of(name, value, decimals));
    return this;
  }

  RunRecord detail(String name, double value, int decimals) {
    metrics.add(Metric.detail(name, value, decimals));
    return this;
  }

  /** p50, p99 and max, in ms with two decimals; nothing when there are no values. */
  RunRecord latencies(String what, double[] millis) {
    if (millis.length > 0) {
      Percentiles p = Percentiles.of(millis);
      metric(what + " p50 ms", p.at(50), 2);
      metric(what + " p99 ms", p.at(99), 2);
      metric(what + " max ms", p.max(), 2);
    }
    return this;
  }

  RunRecord resources(ResourceReport usage) {
    metrics.addAll(usage.asMetrics());
    return this;
  }

  /** The resources, and what each process spent per job of the {@code jobs} the window saw. */
  RunRecord resources(ResourceReport usage, long jobs) {
    resources(usage);
    metrics.addAll(usage.perJob(jobs));
    return this;
  }

  RunRecord note(String note) {
    notes.add(note);
    return this;
  }

  /** Fails the run; the first reason given is the one reported. */
  RunRecord fail(String reason) {
    if (failure == null) {
      failure = reason;
    }
    return this;
  }

  RunResult build(String workload, int run) {
    return new RunResult(workload, run, metrics, notes, failure);
  }
}
