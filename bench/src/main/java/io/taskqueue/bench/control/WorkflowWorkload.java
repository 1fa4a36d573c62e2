package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.RunResult;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code wf}: a workflow of 10,000 noop jobs, one root, 99 children of it, 100 grandchildren of
 * each, in one request.
 *
 * <ol>
 *   <li>submit it and time the request;
 *   <li>time until all of its jobs completed (as {@code jobs/s}, polling the completed count);
 *   <li>from the workflow's jobs, how long after its parent finished each grandchild started: the
 *       release, plus the wait behind the other 9,899 in the queue.
 * </ol>
 */
public final class WorkflowWorkload implements Workload {

  static final int CHILDREN = 99;
  static final int GRANDCHILDREN = 100;
  static final int JOBS = 1 + CHILDREN + CHILDREN * GRANDCHILDREN;
  private static final Duration POLL = Duration.ofMillis(20);

  private final BenchContext bench;

  public WorkflowWorkload(BenchContext bench) {
    this.bench = bench;
  }

  @Override
  public String name() {
    return "wf";
  }

  @Override
  public RunResult run(int run) throws Exception {
    RunRecord record = new RunRecord();
    long before = bench.queues().snapshot().completed();
    ResourceSampler.Window window = bench.sampler().start();
    long start = System.nanoTime();
    JsonObject created = TaskqueueApi.parse(bench.api().post("/api/workflows", body()).body());
    double submitMs = (System.nanoTime() - start) / 1e6;
    // The completed count, cheap to poll: reading the 10,000-job workflow itself is not.
    bench
        .queues()
        .await(
            "workflow done",
            q -> q.completed() >= before + JOBS,
            POLL,
            QueueWatch.deadlineFor(JOBS));
    JsonObject workflow = bench.api().get("/api/workflows/" + created.getString("workflowId"));
    double seconds = (System.nanoTime() - start) / 1e9;
    record
        .metric("jobs/s", JOBS / seconds, 1)
        .metric("submit ms", submitMs, 1)
        .latencies("grandchild start after parent", grandchildLags(workflow))
        .resources(window.stop(), JOBS);
    return record.build(name(), run);
  }

  static String body() {
    JsonArrayBuilder jobs = Json.createArrayBuilder().add(job("root", null));
    for (int c = 0; c < CHILDREN; c++) {
      jobs.add(job("c" + c, "root"));
      for (int g = 0; g < GRANDCHILDREN; g++) {
        jobs.add(job("c" + c + "-" + g, "c" + c));
      }
    }
    return Json.createObjectBuilder().add("jobs", jobs).build().toString();
  }

  private static JsonObject job(String key, String parent) {
    var job = Json.createObjectBuilder().add("key", key).add("type", "noop");
    if (parent != null) {
      job.add("parents", Json.createArrayBuilder().add(parent));
    }
    return job.build();
  }

  /** Per grandchild: its start minus its parent's finish, in milliseconds. */
  static double[] grandchildLags(JsonObject workflow) {
    Map<String, JsonObject> byId = new HashMap<>();
    workflow
        .getJsonArray("jobs")
        .forEach(j -> byId.put(j.asJsonObject().getString("id"), j.asJsonObject()));
    List<Double> lags = new ArrayList<>();
    for (JsonObject job : byId.values()) {
      if (!job.getString("key").contains("-")) {
        continue;
      }
      JsonObject parent = byId.get(job.getJsonArray("parents").getString(0));
      lags.add(
          Duration.between(
                      OffsetDateTime.parse(parent.getString("finishedAt")),
                      OffsetDateTime.parse(job.getString("startedAt")))
                  .toNanos()
              / 1e6);
    }
    return lags.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
