package io.taskqueue.monitoring;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.support.Api.Reply;
import io.taskqueue.support.DeployedWar;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Metrics, statistics, the worker list and the API description of the deployed WAR. */
class MonitoringApiIT extends DeployedWar {

  private static final Pattern SAMPLE =
      Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? ([-0-9.E+NaN]+)$");

  @Test
  void counterAndHistogramsFollowAKnownWorkload() {
    Map<String, Double> before = scrape();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(submit("{\"type\":\"echo\",\"priority\":\"high\"}"));
    }
    for (int i = 0; i < 2; i++) {
      ids.add(submit("{\"type\":\"fail\",\"priority\":\"low\",\"maxAttempts\":1}"));
    }
    await().atMost(20, SECONDS).until(() -> ids.stream().allMatch(this::finished));

    String echo = "priority=\"high\",type=\"echo\"";
    String fail = "priority=\"low\",type=\"fail\"";
    await()
        .atMost(10, SECONDS)
        .untilAsserted(
            () -> {
              Map<String, Double> after = scrape();
              assertEquals(3, delta(before, after, "taskqueue_jobs_submitted_total", echo));
              assertEquals(3, delta(before, after, "taskqueue_jobs_started_total", echo));
              assertEquals(3, delta(before, after, "taskqueue_jobs_completed_total", echo));
              assertEquals(0, delta(before, after, "taskqueue_jobs_failed_total", echo));
              assertEquals(2, delta(before, after, "taskqueue_jobs_submitted_total", fail));
              assertEquals(2, delta(before, after, "taskqueue_jobs_failed_total", fail));
              assertEquals(2, delta(before, after, "taskqueue_jobs_dead_total", fail));
              assertEquals(0, delta(before, after, "taskqueue_jobs_retried_total", fail));
              assertEquals(0, delta(before, after, "taskqueue_jobs_completed_total", fail));
              assertEquals(
                  3, delta(before, after, "taskqueue_job_processing_ms_count", "type=\"echo\""));
              assertEquals(3, delta(before, after, "taskqueue_job_wait_ms_count", "type=\"echo\""));
            });
  }

  /**
   * The deployment files name metrics and paths of this application: every metric the Grafana
   * dashboard queries is in /metrics, and every probe path the Kubernetes manifests use answers.
   */
  @Test
  void everyMetricTheDashboardQueriesAndEveryProbeTheManifestsUseExists() throws Exception {
    List<String> ids =
        List.of(submit("{\"type\":\"echo\"}"), submit("{\"type\":\"fail\",\"maxAttempts\":1}"));
    await().atMost(20, SECONDS).until(() -> ids.stream().allMatch(this::finished));
    Set<String> exported = new TreeSet<>();
    Matcher sample = SAMPLE.matcher(api.getFromRoot("/metrics").body());
    while (sample.find()) {
      exported.add(sample.group(1));
    }

    Path deployment = Path.of("../server-config/src/main");
    String dashboard = Files.readString(deployment.resolve("grafana/taskqueue-dashboard.json"));
    Set<String> queried = new TreeSet<>();
    Matcher metric = Pattern.compile("\\b(taskqueue_[a-z_]+)").matcher(dashboard);
    while (metric.find()) {
      queried.add(metric.group(1));
    }
    assertTrue(queried.size() >= 15, queried.toString());
    Set<String> missing = new TreeSet<>(queried);
    missing.removeAll(exported);
    assertEquals(Set.of(), missing, "queried by the dashboard, absent from /metrics");

    Set<String> probes = new TreeSet<>();
    try (Stream<Path> files = Files.walk(deployment.resolve("kubernetes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        Matcher path = Pattern.compile("path: (/health/[a-z]+)").matcher(Files.readString(file));
        while (path.find()) {
          probes.add(path.group(1));
        }
      }
    }
    assertEquals(Set.of("/health/live", "/health/ready", "/health/started"), probes);
    for (String probe : probes) {
      assertEquals(200, api.getFromRoot(probe).status(), probe);
    }
  }

  @Test
  void depthInFlightAndBusyGaugesShowWorkWaitingBehindBusyWorkers() {
    awaitNothingUnfinished();
    List<String> blockers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      blockers.add(submit("{\"type\":\"sleep\",\"payload\":{\"ms\":4000},\"priority\":\"high\"}"));
    }
    await().atMost(10, SECONDS).until(() -> blockers.stream().allMatch(this::running));
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      waiting.add(submit("{\"type\":\"noop\",\"priority\":\"low\"}"));
    }

    await()
        .atMost(5, SECONDS)
        .untilAsserted(
            () -> {
              Map<String, Double> now = scrape();
              assertEquals(3, value(now, "taskqueue_queue_depth", "priority=\"low\""));
              assertEquals(4, value(now, "taskqueue_jobs_inflight", ""));
              assertEquals(4, value(now, "taskqueue_workers_busy", ""));
              assertEquals(1.0, value(now, "taskqueue_workers_utilisation", ""));
              assertEquals(3, value(now, "taskqueue_jobs", "status=\"queued\""));
            });
    await().atMost(20, SECONDS).until(() -> waiting.stream().allMatch(this::finished));
    await()
        .atMost(5, SECONDS)
        .until(() -> value(scrape(), "taskqueue_queue_depth", "priority=\"low\"") == 0);
  }

  @Test
  void statsCountExactlyAndShowTheLastMinute() {
    awaitNothingUnfinished();
    JsonObject before = api.get("api/stats").json();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(submit("{\"type\":\"sleep\",\"payload\":{\"ms\":30}}"));
    }
    String later = submit("{\"type\":\"noop\",\"delayMs\":600000}");
    await().atMost(20, SECONDS).until(() -> ids.stream().allMatch(this::finished));

    await()
        .atMost(10, SECONDS)
        .untilAsserted(
            () -> {
              JsonObject after = api.get("api/stats").json();
              assertEquals(5, total(after, "completed") - total(before, "completed"));
              assertEquals(1, total(after, "scheduled") - total(before, "scheduled"));
              JsonObject minute = after.getJsonObject("lastMinute");
              assertTrue(minute.getInt("completed") >= 5, minute.toString());
              assertTrue(minute.getJsonNumber("p95Ms").longValue() >= 30, minute.toString());
              assertTrue(minute.getJsonNumber("averageMs").doubleValue() >= 30, minute.toString());
              assertTrue(minute.getJsonNumber("throughputPerSecond").doubleValue() > 0);
            });
    assertEquals(200, api.post("api/jobs/" + later + "/cancel", "").status());
    await()
        .atMost(5, SECONDS)
        .until(
            () ->
                total(api.get("api/stats").json(), "cancelled") - total(before, "cancelled") == 1
                    && total(api.get("api/stats").json(), "scheduled")
                        == total(before, "scheduled"));
  }

  @Test
  void workersListsThisNodeAndItsBusyThread() {
    String job = submit("{\"type\":\"sleep\",\"payload\":{\"ms\":3000}}");

    await()
        .atMost(10, SECONDS)
        .untilAsserted(
            () -> {
              JsonObject node =
                  api.get("api/workers").json().getJsonArray("nodes").getJsonObject(0);
              assertEquals(4, node.getInt("workers"));
              assertEquals("running", node.getString("status"));
              List<JsonObject> busy =
                  node.getJsonArray("threads").stream()
                      .map(JsonObject.class::cast)
                      .filter(t -> job.equals(t.getString("currentJob", null)))
                      .toList();
              assertEquals(1, busy.size(), node.toString());
              assertEquals("busy", busy.get(0).getString("status"));
              assertTrue(
                  busy.get(0).getString("workerId").startsWith(node.getString("nodeId") + "/w"));
            });
  }

  @Test
  void theApiDescriptionCoversEveryResourceAndItsProblems() {
    Reply openapi = api.getFromRoot("/openapi?format=JSON");
    assertEquals(200, openapi.status());
    JsonObject paths = openapi.json().getJsonObject("paths");
    for (String path :
        List.of(
            "/api/jobs",
            "/api/jobs/batch",
            "/api/jobs/{id}",
            "/api/jobs/{id}/cancel",
            "/api/jobs/{id}/retry",
            "/api/dead",
            "/api/dead/retry",
            "/api/queues",
            "/api/stats",
            "/api/workers")) {
      assertTrue(paths.containsKey(path), path + " missing from " + paths.keySet());
    }
    JsonObject submit = paths.getJsonObject("/api/jobs").getJsonObject("post");
    assertTrue(
        submit.getJsonObject("responses").containsKey("400"), "submit documents its 400 problem");
    assertTrue(
        openapi.json().getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
  }

  // --- helpers

  /** Waits until earlier tests' jobs are done, so that counts here are this test's alone. */
  private void awaitNothingUnfinished() {
    await()
        .atMost(60, SECONDS)
        .until(
            () -> {
              JsonObject totals = api.get("api/stats").json().getJsonObject("totals");
              return totals.getInt("queued") + totals.getInt("running") + totals.getInt("retrying")
                  == 0;
            });
  }

  private String submit(String job) {
    Reply reply = api.post("api/jobs", job);
    assertEquals(201, reply.status(), reply.body());
    return reply.json().getString("id");
  }

  private String status(String id) {
    return api.get("api/jobs/" + id).json().getString("status");
  }

  private boolean finished(String id) {
    return List.of("completed", "dead").contains(status(id));
  }

  private boolean running(String id) {
    return status(id).equals("running");
  }

  private static long total(JsonObject stats, String status) {
    return stats.getJsonObject("totals").getJsonNumber(status).longValue();
  }

  /** Every sample of /metrics, keyed by name and labels (without mp_scope). */
  private Map<String, Double> scrape() {
    String text = api.getFromRoot("/metrics").body();
    Map<String, Double> samples = new java.util.HashMap<>();
    Matcher m = SAMPLE.matcher(text);
    while (m.find()) {
      String labels =
          m.group(2) == null
              ? ""
              : m.group(2)
                  .replaceAll("mp_scope=\"[a-z]+\",?", "")
                  .replaceAll(",}", "}")
                  .replaceAll("[{}]", "");
      samples.put(m.group(1) + "|" + labels, Double.parseDouble(m.group(3)));
    }
    return samples;
  }

  private static double value(Map<String, Double> samples, String name, String labels) {
    return samples.getOrDefault(name + "|" + labels, 0.0);
  }

  private static double delta(
      Map<String, Double> before, Map<String, Double> after, String name, String labels) {
    return value(after, name, labels) - value(before, name, labels);
  }
}
