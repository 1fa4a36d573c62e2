package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.RunResult;
import io.taskqueue.bench.entity.SubmitOutcome;
import java.time.Duration;

/**
 * {@code w2}: how fast the workers empty a full queue, apart from how fast jobs arrive.
 *
 * <ol>
 *   <li>pause the medium queue and submit the jobs in batches of 1,000 from 4 clients;
 *   <li>wait until Redis holds all of them, and note the completed count;
 *   <li>resume and time until no job is unfinished (not until the completed count has grown by the
 *       number of jobs: a prune running meanwhile, in the {@code prune} workload, takes completed
 *       jobs away).
 * </ol>
 *
 * Resources are sampled over the drain only. The 20 ms polling of {@code /api/queues} is part of
 * what is measured; it is cheap next to the jobs (a few small queries per poll).
 */
public final class DrainWorkload implements Workload {

  private static final int CLIENTS = 4;
  private static final int BATCH = 1_000;
  private static final Duration POLL = Duration.ofMillis(20);

  private final BenchContext bench;
  private final long jobs;

  public DrainWorkload(BenchContext bench, long jobs) {
    this.bench = bench;
    this.jobs = jobs;
  }

  @Override
  public String name() {
    return "w2";
  }

  @Override
  public RunResult run(int run) throws Exception {
    RunRecord record = new RunRecord();
    Duration deadline = QueueWatch.deadlineFor(jobs);
    try (MediumQueuePause pause = MediumQueuePause.engage(bench.api())) {
      SubmitOutcome submitted = new ClosedLoopSubmitter(bench.api(), CLIENTS, BATCH).submit(jobs);
      if (submitted.errors() > 0) {
        return record.fail("submitting failed: " + submitted.firstError()).build(name(), run);
      }
      bench.queues().await("full queue", q -> q.waiting("medium") >= jobs, POLL, deadline);
      ResourceSampler.Window window = bench.sampler().start();
      long start = System.nanoTime();
      pause.resume();
      bench
          .queues()
          .await(
              "drained queue",
              q -> q.waiting("medium") == 0 && q.unfinished() == 0,
              POLL,
              deadline);
      double seconds = (System.nanoTime() - start) / 1e9;
      record
          .metric("jobs/s", jobs / seconds, 1)
          .detail("drain s", seconds, 2)
          .detail("submit jobs/s", submitted.jobsPerSecond(), 1)
          .resources(window.stop(), jobs);
    }
    return record.build(name(), run);
  }
}
