package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.Metric;
import io.taskqueue.bench.entity.RunResult;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code prune}: what removing a day of finished jobs costs, and what it does to the workers.
 *
 * <ol>
 *   <li>hold retention off ({@code PUT /api/retention {"completedDays": 0}}) and load, straight
 *       into PostgreSQL, completed jobs with one attempt each: enough within the configured age to
 *       make {@code jobs} total {@code --prune-jobs} (the first run loads them; later runs top up),
 *       and {@code --prune-expired} past it, created over one day;
 *   <li>settle the tables (VACUUM ANALYZE, CHECKPOINT) and drain {@code w2} twice;
 *   <li>give retention back its configured age and time until the expired jobs are gone, with the
 *       WAL written and the CPU of every process over that window; with {@code --prune-drain},
 *       drain {@code w2} again and again meanwhile: the workers' rate during the prune;
 *   <li>drain {@code w2} twice more. The drains before and after are the workers' rate without a
 *       prune (both: the server's JIT is still warming up during the first).
 * </ol>
 *
 * Each run changes the database for good, so there are no warm-up runs. Run it against a server
 * started with a short {@code taskqueue.retention.interval-ms} (1000): at the default of a minute
 * most of the window would be the wait between rounds.
 */
public final class PruneWorkload implements Workload {

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration DEADLINE = Duration.ofHours(3);
  private static final int DRAINS_AROUND = 2;

  /** Loaded "recent" jobs stay this far inside the age, so none becomes due during a run. */
  private static final Duration MARGIN = Duration.ofHours(2);

  private final BenchContext bench;
  private final BenchDatabase database;
  private final long totalJobs;
  private final long expiredJobs;
  private final boolean drainDuring;
  private final DrainWorkload drain;

  public PruneWorkload(
      BenchContext bench,
      BenchDatabase database,
      long totalJobs,
      long expiredJobs,
      boolean drainDuring,
      long drainJobs) {
    if (expiredJobs < 1 || expiredJobs > totalJobs) {
      throw new IllegalArgumentException("--prune-expired must be 1 to --prune-jobs");
    }
    this.bench = bench;
    this.database = database;
    this.totalJobs = totalJobs;
    this.expiredJobs = expiredJobs;
    this.drainDuring = drainDuring;
    this.drain = new DrainWorkload(bench, drainJobs);
  }

  @Override
  public String name() {
    return "prune";
  }

  @Override
  public boolean warmsUp() {
    return false;
  }

  @Override
  public RunResult run(int run) throws Exception {
    RunRecord record = new RunRecord();
    int days =
        bench.api().get("/api/retention").getJsonObject("configured").getInt("completedDays");
    if (days == 0) {
      return record
          .fail("the server keeps completed jobs for ever; configure an age")
          .build(name(), run);
    }
    bench.api().put("/api/retention", "{\"completedDays\": 0}");
    try (Connection c = database.connect()) {
      Instant now = Instant.now();
      Instant cutoff = now.minus(Duration.ofDays(days));
      long loadStart = System.nanoTime();
      long recent = database.countSince(c, cutoff);
      long toLoad = Math.max(0, totalJobs - expiredJobs - recent);
      if (toLoad > 0) {
        database.load(c, toLoad, cutoff.plus(MARGIN), now.minus(MARGIN));
      }
      database.load(c, expiredJobs, cutoff.minus(Duration.ofDays(1)), cutoff.minus(MARGIN));
      database.settle(c);
      record
          .detail("loaded jobs", toLoad + expiredJobs, 0)
          .detail("load s", (System.nanoTime() - loadStart) / 1e9, 1)
          .detail("jobs MB", database.size(c, "jobs") / 1e6, 0)
          .detail("attempts MB", database.size(c, "job_attempts") / 1e6, 0);

      List<Double> without = drains(run);

      long wal = database.walPosition(c);
      ResourceSampler.Window window = bench.sampler().start();
      long start = System.nanoTime();
      bench.api().put("/api/retention", "{\"completedDays\": null}");
      List<Double> during = new ArrayList<>();
      long deadline = start + DEADLINE.toNanos();
      while (database.anyBefore(c, cutoff)) {
        if (System.nanoTime() - deadline > 0) {
          return record.fail("expired jobs still there after " + DEADLINE).build(name(), run);
        }
        if (drainDuring) {
          during.add(drainRate(drain.run(run)));
        } else {
          Thread.sleep(POLL.toMillis());
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      record
          .metric("pruned jobs/s", expiredJobs / seconds, 0)
          .metric("prune s", seconds, 1)
          .metric("WAL MB", (database.walPosition(c) - wal) / 1e6, 0)
          .resources(window.stop(), expiredJobs);
      without.addAll(drains(run));
      double rateWithout = Percentiles.median(without);
      record.metric("w2 without jobs/s", rateWithout, 0);
      if (!during.isEmpty()) {
        double rateDuring = Percentiles.median(during);
        record
            .metric("w2 during jobs/s", rateDuring, 0)
            .metric("w2 during/without", rateDuring / rateWithout, 2)
            .note("w2 drains during the prune: " + during.size() + " " + rounded(during));
      }
      record.note("w2 drains before and after the prune: " + rounded(without));
    } finally {
      bench.api().put("/api/retention", "{\"completedDays\": null}");
    }
    return record.build(name(), run);
  }

  private List<Double> drains(int run) throws Exception {
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < DRAINS_AROUND; i++) {
      rates.add(drainRate(drain.run(run)));
    }
    return rates;
  }

  private static List<Long> rounded(List<Double> rates) {
    return rates.stream().map(Math::round).toList();
  }

  private static double drainRate(RunResult result) {
    if (!result.ok()) {
      throw new IllegalStateException("w2 drain failed: " + result.failure());
    }
    return result.metrics().stream()
        .filter(m -> m.name().equals("jobs/s"))
        .mapToDouble(Metric::value)
        .findFirst()
        .orElseThrow();
  }
}
