package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.RunResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * {@code sched}: 1,000 schedules that all fire at the start of every minute, on however many nodes
 * serve the API.
 *
 * <ol>
 *   <li>create them, then wait for the first whole minute after that and 20 s more;
 *   <li>for each, how long after its fire time its job was stored (the firing lag; a lag beyond the
 *       misfire grace would make it a misfire);
 *   <li>delete them.
 * </ol>
 */
public final class ScheduleWorkload implements Workload {

  static final int SCHEDULES = 1_000;

  private final BenchContext bench;

  public ScheduleWorkload(BenchContext bench) {
    this.bench = bench;
  }

  @Override
  public String name() {
    return "sched";
  }

  @Override
  public RunResult run(int run) throws Exception {
    RunRecord record = new RunRecord();
    String prefix = "bench-" + run + "-" + System.nanoTime() + "-";
    try {
      for (int i = 0; i < SCHEDULES; i++) {
        bench.api().post("/api/schedules", schedule(prefix + i));
      }
      Instant fire = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
      ResourceSampler.Window window = bench.sampler().start();
      Thread.sleep(
          Duration.between(Instant.now(), fire.plusSeconds(20)).toMillis()); // a clock wait
      double[] lags = new double[SCHEDULES];
      int fired = 0;
      for (int i = 0; i < SCHEDULES; i++) {
        JsonObject last = bench.api().get("/api/schedules/" + prefix + i).getJsonObject("lastRun");
        if (last == null) {
          continue;
        }
        JsonObject job = bench.api().get("/api/jobs/" + last.getString("jobId"));
        lags[fired++] =
            Duration.between(
                        OffsetDateTime.parse(job.getString("fireTime")),
                        OffsetDateTime.parse(job.getString("createdAt")))
                    .toNanos()
                / 1e6;
      }
      record
          .metric("fired", fired, 0)
          .latencies("fired after fire time", java.util.Arrays.copyOf(lags, fired))
          .resources(window.stop());
      if (fired < SCHEDULES) {
        record.fail(fired + " of " + SCHEDULES + " schedules fired");
      }
    } finally {
      for (int i = 0; i < SCHEDULES; i++) {
        bench.api().delete("/api/schedules/" + prefix + i);
      }
    }
    return record.build(name(), run);
  }

  private static String schedule(String name) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("cron", "* * * * *")
        .add("job", Json.createObjectBuilder().add("type", "noop"))
        .build()
        .toString();
  }
}
