package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.RunResult;
import io.taskqueue.bench.entity.SubmitOutcome;

/**
 * How fast the API accepts jobs: {@code w1} one job per request, {@code w1b} batches. Workers run
 * meanwhile, as in production, so the submissions compete with the processing of earlier ones.
 */
public final class SubmitThroughputWorkload implements Workload {

  private final BenchContext bench;
  private final String name;
  private final int clients;
  private final int batch;
  private final long jobs;

  public SubmitThroughputWorkload(
      BenchContext bench, String name, int clients, int batch, long jobs) {
    this.bench = bench;
    this.name = name;
    this.clients = clients;
    this.batch = batch;
    this.jobs = jobs;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public RunResult run(int run) throws Exception {
    ResourceSampler.Window window = bench.sampler().start();
    SubmitOutcome outcome = new ClosedLoopSubmitter(bench.api(), clients, batch).submit(jobs);
    RunRecord record =
        new RunRecord()
            .metric("jobs/s", outcome.jobsPerSecond(), 1)
            .latencies("request", outcome.latenciesMs())
            .metric("errors", outcome.errors(), 0)
            .resources(window.stop(), outcome.accepted());
    if (outcome.errors() > 0) {
      record.fail(outcome.errors() + " requests refused; the first: " + outcome.firstError());
    }
    return record.build(name, run);
  }
}
