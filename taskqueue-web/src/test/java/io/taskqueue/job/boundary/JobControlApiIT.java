package io.taskqueue.job.boundary;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.TestServices;
import io.taskqueue.store.control.RedisKeys;
import io.taskqueue.support.Api.Reply;
import io.taskqueue.support.DeployedWar;
import io.taskqueue.support.EventClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Delays, cancellation, timeouts, retry policies, idempotency keys and the dead-letter queue,
 * through the API of the deployed WAR.
 */
class JobControlApiIT extends DeployedWar {

  /** {@code QueuePauses.PAUSES_LOCK}. */
  private static final long PAUSES_LOCK = 0x7471_7061_7573_65L;

  @Test
  void aDelayedJobIsScheduledUntilItsTimeThenRuns() {
    JsonObject job = created(api.post("api/jobs", "{\"type\":\"noop\",\"delayMs\":1500}"));
    assertEquals("scheduled", job.getString("status"));
    OffsetDateTime runAt = OffsetDateTime.parse(job.getString("scheduledAt"));

    await().atMost(15, SECONDS).until(() -> status(job).equals("completed"));
    OffsetDateTime started = OffsetDateTime.parse(get(job).getString("startedAt"));
    assertTrue(!started.isBefore(runAt.minusSeconds(1)), started + " not before " + runAt);
  }

  @Test
  void aCancelledWaitingJobNeverRuns() {
    JsonObject job = created(api.post("api/jobs", "{\"type\":\"noop\",\"delayMs\":500}"));

    Reply cancelled = api.post("api/jobs/" + job.getString("id") + "/cancel", "");
    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals("cancelled", cancelled.json().getString("status"));
    await().atMost(15, SECONDS).until(() -> !inRedis(job));
    assertEquals("cancelled", status(job));
    assertEquals(0, get(job).getInt("attempt"), "never started");
  }

  @Test
  void aCancelledRunningJobIsStoppedAndReleasesItsWorker() {
    JsonObject job =
        created(api.post("api/jobs", "{\"type\":\"sleep\",\"payload\":{\"ms\":60000}}"));
    await().atMost(10, SECONDS).until(() -> status(job).equals("running"));

    assertEquals(200, api.post("api/jobs/" + job.getString("id") + "/cancel", "").status());

    await().atMost(10, SECONDS).until(() -> !inRedis(job));
    assertEquals("cancelled", status(job));
    assertEquals(409, api.post("api/jobs/" + job.getString("id") + "/cancel", "").status());
    assertEquals(404, api.post("api/jobs/" + UUID.randomUUID() + "/cancel", "").status());
  }

  @Test
  void anAttemptThatOverrunsItsTimeoutIsInterruptedAndFails() {
    JsonObject job =
        created(
            api.post(
                "api/jobs",
                "{\"type\":\"sleep\",\"payload\":{\"ms\":60000},\"timeoutMs\":300,\"maxAttempts\":1}"));

    await().atMost(15, SECONDS).until(() -> status(job).equals("dead"));
    assertTrue(
        get(job).getString("lastError").startsWith("timed out after 300 ms"),
        get(job).getString("lastError"));
  }

  @Test
  void aJobsOwnBackoffSetsWhenItsNextAttemptIsDue() {
    JsonObject job =
        created(
            api.post(
                "api/jobs",
                "{\"type\":\"fail\",\"maxAttempts\":2,\"backoff\":{\"initialMs\":60000,\"jitter\":0}}"));

    await().atMost(10, SECONDS).until(() -> status(job).equals("retrying"));
    JsonObject retrying = get(job);
    Duration wait =
        Duration.between(
            OffsetDateTime.now(), OffsetDateTime.parse(retrying.getString("scheduledAt")));
    assertTrue(wait.toSeconds() > 50 && wait.toSeconds() <= 60, "next attempt due in " + wait);
  }

  @Test
  void aNonRetryableFailureGoesStraightToDead() {
    JsonObject job =
        created(
            api.post(
                "api/jobs",
                "{\"type\":\"fail\",\"payload\":{\"permanent\":true},\"maxAttempts\":4}"));

    await().atMost(10, SECONDS).until(() -> status(job).equals("dead"));
    assertEquals(1, get(job).getInt("attempt"));
  }

  @Test
  void concurrentSubmitsWithOneIdempotencyKeyCreateOneJob() {
    String key = "order-" + UUID.randomUUID();
    List<CompletableFuture<Reply>> racing =
        List.of(1, 2, 3, 4).stream()
            .map(
                i ->
                    CompletableFuture.supplyAsync(
                        () ->
                            api.postWithHeader(
                                "api/jobs", "{\"type\":\"noop\"}", "Idempotency-Key", key)))
            .toList();
    List<Reply> replies = racing.stream().map(CompletableFuture::join).toList();

    Set<String> ids =
        replies.stream().map(r -> r.json().getString("id")).collect(Collectors.toSet());
    assertEquals(1, ids.size(), "one job for one key: " + replies);
    assertEquals(1, replies.stream().filter(r -> r.status() == 201).count());
    assertEquals(3, replies.stream().filter(r -> r.status() == 200).count());
    Reply other =
        api.postWithHeader("api/jobs", "{\"type\":\"noop\"}", "Idempotency-Key", key + "-other");
    assertEquals(201, other.status());
    assertEquals(
        400,
        api.postWithHeader("api/jobs", "{\"type\":\"noop\"}", "Idempotency-Key", "x".repeat(201))
            .status());
  }

  @Test
  void deadJobsAreListedRetriedAndDeletedByFilter() {
    String marker = "marker-" + UUID.randomUUID();
    List<String> ids =
        List.of(1, 2, 3).stream()
            .map(
                i ->
                    created(
                            api.post(
                                "api/jobs",
                                "{\"type\":\"fail\",\"maxAttempts\":1,\"payload\":{\"message\":\""
                                    + marker
                                    + "\"}}"))
                        .getString("id"))
            .toList();
    await()
        .atMost(15, SECONDS)
        .until(() -> api.get("api/dead?error=" + marker).json().getJsonArray("items").size() == 3);

    Reply retried = api.post("api/dead/retry?type=fail&error=" + marker.toUpperCase(), "");
    assertEquals(3, retried.json().getInt("retried"), retried.body());
    await()
        .atMost(15, SECONDS)
        .until(
            () ->
                ids.stream()
                    .allMatch(
                        id -> {
                          JsonObject j = api.get("api/jobs/" + id).json();
                          return j.getString("status").equals("dead") && j.getInt("attempt") == 2;
                        }));

    Reply deleted = api.delete("api/dead?error=" + marker);
    assertEquals(3, deleted.json().getInt("deleted"), deleted.body());
    ids.forEach(id -> assertEquals(404, api.get("api/jobs/" + id).status()));
    assertEquals(400, api.get("api/dead?after=yesterday").status());
  }

  @Test
  void oneDeadJobRunsAgainWithItsAttemptsGrantedAnew() {
    JsonObject job =
        created(
            api.post(
                "api/jobs", "{\"type\":\"fail\",\"maxAttempts\":1,\"payload\":{\"times\":1}}"));
    await().atMost(10, SECONDS).until(() -> status(job).equals("dead"));

    Reply retried = api.post("api/jobs/" + job.getString("id") + "/retry", "");
    assertEquals(200, retried.status(), retried.body());
    await().atMost(10, SECONDS).until(() -> status(job).equals("completed"));
    assertEquals(2, get(job).getInt("attempt"));
    assertEquals(
        409,
        api.post("api/jobs/" + job.getString("id") + "/retry", "").status(),
        "completed is final");
  }

  @Test
  void aRunningJobCancelledThenRetriedAtOnceRunsAgainToCompletion() {
    JsonObject job =
        created(api.post("api/jobs", "{\"type\":\"sleep\",\"payload\":{\"ms\":1500}}"));
    await().atMost(10, SECONDS).until(() -> status(job).equals("running"));
    String id = job.getString("id");

    assertEquals(200, api.post("api/jobs/" + id + "/cancel", "").status());
    Reply retried = api.post("api/jobs/" + id + "/retry", "");
    assertEquals(200, retried.status(), retried.body());

    // Before: the retried copy was dropped as a duplicate of the cancelled attempt's lease, and
    // the job stayed queued in no list for ever; or the old cancel signal stopped the new attempt.
    await().atMost(20, SECONDS).until(() -> status(job).equals("completed"));
    List<String> outcomes =
        api.get("api/jobs/" + id + "/attempts").jsonValue().asJsonArray().stream()
            .map(a -> a.asJsonObject().getString("outcome").toLowerCase())
            .toList();
    assertEquals(List.of("cancelled", "completed"), outcomes);
  }

  @Test
  void recoveryGoesOnPastAJobWhoseRowAnotherTransactionHolds() throws Exception {
    String sleep = "{\"type\":\"sleep\",\"payload\":{\"ms\":8000}}";
    JsonObject locked = created(api.post("api/jobs", sleep));
    JsonObject other = created(api.post("api/jobs", sleep));
    await().atMost(10, SECONDS).until(() -> status(locked).equals("running"));
    await().atMost(10, SECONDS).until(() -> status(other).equals("running"));
    var endpoints = TestServices.endpoints();
    RedisKeys keys = new RedisKeys("taskqueue");
    try (var db =
            java.sql.DriverManager.getConnection(
                endpoints.dbUrl(), endpoints.dbUser(), endpoints.dbPassword());
        RedisClient redis = RedisClient.create(endpoints.redisUrl())) {
      db.setAutoCommit(false);
      db.createStatement()
          .execute("SELECT 1 FROM jobs WHERE id = '" + locked.getString("id") + "' FOR UPDATE");

      // Both leases expire, the locked row's first: a recovery that waits for that row (a node
      // frozen inside its write holds it so) never reaches the other.
      await()
          .atMost(15, SECONDS)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                redis.zadd(keys.inflight(), 1, locked.getString("id"));
                redis.zadd(keys.inflight(), 2, other.getString("id"));
                return get(other).getInt("attempt") >= 2;
              });
      assertEquals("running", status(locked));
      assertEquals(1, get(locked).getInt("attempt"));
      db.rollback();
    }
    api.post("api/jobs/" + locked.getString("id") + "/cancel", "");
    api.post("api/jobs/" + other.getString("id") + "/cancel", "");
  }

  @Test
  void aPauseWaitsForAReconciliationThatIsCopyingThePausedSetToRedis() throws Exception {
    var endpoints = TestServices.endpoints();
    try (var db =
        java.sql.DriverManager.getConnection(
            endpoints.dbUrl(), endpoints.dbUser(), endpoints.dbPassword())) {
      db.setAutoCommit(false);
      // What a reconciliation holds while it reads the paused set and writes it to Redis.
      db.createStatement().execute("SELECT pg_advisory_xact_lock(" + PAUSES_LOCK + ")");

      CompletableFuture<Reply> pause =
          CompletableFuture.supplyAsync(() -> api.post("api/queues/low/pause", ""));
      await().during(1, SECONDS).atMost(3, SECONDS).until(() -> !pause.isDone());
      db.rollback();

      assertEquals(200, pause.get(10, SECONDS).status());
    } finally {
      api.post("api/queues/low/resume", "");
    }
  }

  /** Whether Redis still holds the job anywhere: listed, delayed or leased. */
  private static boolean inRedis(JsonObject job) {
    String id = job.getString("id");
    RedisKeys keys = new RedisKeys("taskqueue");
    try (RedisClient redis = RedisClient.create(TestServices.endpoints().redisUrl())) {
      return redis.sismember(keys.queued(), id)
          || redis.hexists(keys.lease(), id)
          || keys.delayedSets().stream().anyMatch(set -> redis.zscore(set, id) != null);
    }
  }

  @Test
  void aPausedQueueKeepsItsJobsWaitingUntilItIsResumed() {
    try (EventClient feed = EventClient.listening(deployment, "?types=queue.*")) {
      Reply paused = api.post("api/queues/low/pause", "");
      assertEquals(200, paused.status(), paused.body());
      assertTrue(paused.json().getBoolean("changed"));
      assertEquals(false, api.post("api/queues/low/pause", "").json().getBoolean("changed"));
      JsonObject low = created(api.post("api/jobs", "{\"type\":\"noop\",\"priority\":\"low\"}"));
      JsonObject high = created(api.post("api/jobs", "{\"type\":\"noop\",\"priority\":\"high\"}"));

      await().atMost(15, SECONDS).until(() -> status(high).equals("completed"));
      assertEquals("queued", status(low), "submitted first, but its queue is paused");
      assertEquals(
          List.of("low"),
          api.get("api/queues").json().getJsonArray("paused").getValuesAs(JsonString::getString));

      assertTrue(api.post("api/queues/low/resume", "").json().getBoolean("changed"));
      await().atMost(15, SECONDS).until(() -> status(low).equals("completed"));
      await()
          .atMost(10, SECONDS)
          .until(
              () ->
                  feed.received(j -> j.getString("type", "").startsWith("queue.")).stream()
                      .map(r -> r.type() + ":" + r.json().getString("priority"))
                      .toList()
                      .equals(List.of("queue.paused:low", "queue.resumed:low")));
    } finally {
      api.post("api/queues/low/resume", "");
    }
    Reply unknown = api.post("api/queues/urgent/pause", "");
    assertEquals(400, unknown.status());
    assertTrue(unknown.body().contains("no queue 'urgent'"), unknown.body());
  }

  private JsonObject created(Reply reply) {
    assertEquals(201, reply.status(), reply.body());
    return reply.json();
  }

  private JsonObject get(JsonObject job) {
    return api.get("api/jobs/" + job.getString("id")).json();
  }

  private String status(JsonObject job) {
    return get(job).getString("status");
  }

  // Progress and logs that handlers report, through the API and the event feed.

  @Test
  void aRunningJobsProgressAndLogAreVisibleWhileItRunsAndKeptWhenItIsDone() {
    try (EventClient feed = EventClient.listening(deployment, "?types=job.progress,job.log")) {
      String id =
          api.post("api/jobs", "{\"type\":\"sleep\",\"payload\":{\"ms\":2000,\"steps\":4}}")
              .json()
              .getString("id");

      await()
          .atMost(20, SECONDS)
          .until(
              () -> {
                JsonObject job = jobById(id);
                return job.getString("status").equals("running")
                    && job.containsKey("progress")
                    && job.getJsonObject("progress").getInt("percent") >= 25;
              });
      await()
          .atMost(10, SECONDS)
          .until(() -> messages(id, 0).contains("finished step 1 of 4") && isRunning(id));

      await().atMost(20, SECONDS).until(() -> jobById(id).getString("status").equals("completed"));
      JsonObject done = jobById(id);
      assertEquals(100, done.getJsonObject("progress").getInt("percent"));
      assertEquals("step 4 of 4", done.getJsonObject("progress").getString("message"));
      assertEquals(4, done.getInt("logLines"));
      assertEquals(
          List.of(
              "finished step 1 of 4",
              "finished step 2 of 4",
              "finished step 3 of 4",
              "finished step 4 of 4"),
          messages(id, 0),
          "complete when the job is: the last lines are stored before the outcome");
      JsonObject page = api.get("api/jobs/" + id + "/logs?after=2").json();
      assertEquals(List.of("finished step 3 of 4", "finished step 4 of 4"), messages(page));
      assertEquals(4, page.getInt("next"));

      await()
          .atMost(10, SECONDS)
          .until(
              () ->
                  feed.received(e -> id.equals(e.getString("jobId", null))).stream()
                      .anyMatch(e -> e.json().getInt("progress", -1) == 100));
      assertTrue(
          feed.received(e -> id.equals(e.getString("jobId", null))).stream()
              .anyMatch(e -> e.type().equals("job.log")));
    }
  }

  @Test
  void aHandlerLoggingInATightLoopKeepsTheJobsFirstLinesAndCountsTheRest() {
    String id =
        api.post("api/jobs", "{\"type\":\"sleep\",\"payload\":{\"ms\":0,\"lines\":5000}}")
            .json()
            .getString("id");
    await().atMost(30, SECONDS).until(() -> jobById(id).getString("status").equals("completed"));
    JsonObject job = jobById(id);
    assertEquals(1000, job.getInt("logLines"), "taskqueue.logs.max-lines-per-job");
    assertEquals(4000, job.getInt("logsDropped"));
    JsonObject page = api.get("api/jobs/" + id + "/logs?limit=1000").json();
    assertEquals(1000, page.getJsonArray("lines").size());
    assertEquals("line 1 of 5000", messages(page).get(0));
    assertEquals("line 1000 of 5000", messages(page).get(999));
    assertEquals("debug", page.getJsonArray("lines").getJsonObject(0).getString("level"));
    assertEquals(4000, page.getInt("dropped"));
    assertEquals(400, api.get("api/jobs/" + id + "/logs?limit=0").status());
    assertEquals(404, api.get("api/jobs/00000000-0000-7000-8000-000000000000/logs").status());
  }

  private JsonObject jobById(String id) {
    return api.get("api/jobs/" + id).json();
  }

  private boolean isRunning(String id) {
    return jobById(id).getString("status").equals("running");
  }

  private List<String> messages(String id, int after) {
    return messages(api.get("api/jobs/" + id + "/logs?after=" + after).json());
  }

  private static List<String> messages(JsonObject page) {
    return page.getJsonArray("lines").stream()
        .map(l -> l.asJsonObject().getString("message"))
        .toList();
  }
}
