package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.RunResult;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code backlog}: what a large backlog of unfinished jobs costs a node that is not running them.
 *
 * <ol>
 *   <li>pause the medium queue and load, straight into PostgreSQL, {@code --backlog-jobs} queued
 *       {@code noop} jobs and {@code --backlog-delayed} more scheduled for a quarter of an hour
 *       later: only in PostgreSQL, as after a Redis flush;
 *   <li>time until reconciliation has put every queued one into Redis (jobs in PostgreSQL alone,
 *       with no sign that Redis lost anything, wait for the node's periodic full sweep: start the
 *       server with a short {@code taskqueue.reconcile-full-interval-ms} to time the sweep rather
 *       than the wait for it);
 *   <li>sample the stack's CPU for {@code --idle-seconds} with the backlog at rest, and read how
 *       long each reconciliation round took from {@code taskqueue_duty_ms};
 *   <li>resume the queue and time the drain.
 * </ol>
 *
 * The delayed jobs run by themselves once due. Each run adds to the database, so there are no
 * warm-up runs.
 */
public final class BacklogWorkload implements Workload {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration DUE_IN = Duration.ofMinutes(15);
  private static final Pattern RECONCILE_MS =
      Pattern.compile(
          "^taskqueue_duty_ms_(max|mean)\\{[^}]*duty=\"ReconcileWithRedis\"[^}]*} (\\S+)$",
          Pattern.MULTILINE);

  private final BenchContext bench;
  private final long queued;
  private final long delayed;
  private final int idleSeconds;

  public BacklogWorkload(BenchContext bench, long queued, long delayed, int idleSeconds) {
    this.bench = bench;
    this.queued = queued;
    this.delayed = delayed;
    this.idleSeconds = idleSeconds;
  }

  @Override
  public String name() {
    return "backlog";
  }

  @Override
  public boolean warmsUp() {
    return false;
  }

  @Override
  public RunResult run(int run) throws Exception {
    RunRecord record = new RunRecord();
    Duration deadline = QueueWatch.deadlineFor(queued).multipliedBy(4);
    try (MediumQueuePause pause = MediumQueuePause.engage(bench.api());
        Connection c = bench.database().connect()) {
      // Created a minute ago: older than reconciliation's grace period for new jobs.
      Instant now = Instant.now();
      Instant from = now.minusSeconds(60);
      Instant to = now.minusSeconds(10);
      long loadStart = System.nanoTime();
      bench.database().loadWaiting(c, queued, from, to, null);
      if (delayed > 0) {
        bench.database().loadWaiting(c, delayed, from, to, now.plus(DUE_IN));
      }
      long restoreStart = System.nanoTime();
      record.detail("load s", (restoreStart - loadStart) / 1e9, 1);
      bench.queues().await("restored backlog", q -> q.waiting("medium") >= queued, POLL, deadline);
      record.metric("restore s", (System.nanoTime() - restoreStart) / 1e9, 1);

      ResourceSampler.Window window = bench.sampler().start();
      Thread.sleep(idleSeconds * 1000L); // sampling for a fixed time is the measurement
      record.resources(window.stop());
      String metrics = bench.api().text("/metrics");
      reconcileMillis(metrics, "max").ifPresent(ms -> record.metric("reconcile max ms", ms, 0));
      reconcileMillis(metrics, "mean").ifPresent(ms -> record.metric("reconcile mean ms", ms, 0));

      long drainStart = System.nanoTime();
      pause.resume();
      bench
          .queues()
          .await(
              "drained backlog",
              q -> q.waiting("medium") == 0 && q.unfinished() == 0,
              POLL,
              deadline);
      record.metric("drain jobs/s", queued / ((System.nanoTime() - drainStart) / 1e9), 0);
    }
    return record.build(name(), run);
  }

  /** A reconciliation round's time from the Prometheus text, when the server reports it. */
  static OptionalDouble reconcileMillis(String prometheus, String statistic) {
    Matcher m = RECONCILE_MS.matcher(prometheus);
    while (m.find()) {
      if (m.group(1).equals(statistic)) {
        return OptionalDouble.of(Double.parseDouble(m.group(2)));
      }
    }
    return OptionalDouble.empty();
  }
}
