package io.taskqueue.api;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.api.probe.DeclaredReport;
import io.taskqueue.api.probe.JavaApiProbe;
import io.taskqueue.api.probe.OutcomeProbe;
import io.taskqueue.api.probe.ProbeApplication;
import io.taskqueue.support.Api;
import io.taskqueue.support.Api.Reply;
import io.taskqueue.support.PayaraServices;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Java API ({@link io.taskqueue.TaskQueue}) as an application's code calls it inside the WAR:
 * taskqueue's WAR plus a small REST application of the test's own ({@link JavaApiProbe}).
 */
@ExtendWith({PayaraServices.class, ArquillianExtension.class})
class JavaApiIT {

  @ArquillianResource URL deployment;
  private Api api;

  @Deployment(testable = false)
  public static WebArchive taskqueueWarWithAnApplicationOfItsOwn() {
    return ShrinkWrap.create(ZipImporter.class, "taskqueue.war")
        .importFrom(new File(System.getProperty("taskqueue.war")))
        .as(WebArchive.class)
        .addClasses(
            JavaApiProbe.class, ProbeApplication.class, DeclaredReport.class, OutcomeProbe.class);
  }

  @BeforeEach
  void client() {
    api = new Api(deployment);
    await().atMost(60, SECONDS).until(() -> api.get("api/queues").status() == 200);
  }

  private String submit(String job) {
    Reply submitted = api.post("api/jobs", job);
    assertEquals(201, submitted.status(), submitted.body());
    return submitted.json().getString("id");
  }

  private String outcomes(String id) {
    Reply reply = api.get("probe/java-api/outcomes/" + id);
    assertEquals(200, reply.status(), reply.body());
    return reply.body();
  }

  @Test
  void observersHearEachOutcomeAfterItIsCommittedWithTheResultOrTheError() {
    String echo = submit("{\"type\":\"echo\",\"payload\":{\"n\":7}}");
    await().atMost(30, SECONDS).until(() -> outcomes(echo).contains("committed=1"));
    assertEquals("any\ncommitted=1\ncompleted:1:{\"n\":7}", sortedLines(outcomes(echo)));

    String failing =
        submit(
            "{\"type\":\"fail\",\"maxAttempts\":2,"
                + "\"backoff\":{\"initialMs\":100,\"jitter\":0},\"payload\":{}}");
    await().atMost(30, SECONDS).until(() -> outcomes(failing).contains("committed=2"));
    assertEquals("any\nany\ncommitted=2\ndead:2\nfailed:1", sortedLines(outcomes(failing)));
  }

  @Test
  void anObserverThatThrowsRollsItsWritesBackAndHearsTheOutcomeAgain() {
    String id = submit("{\"type\":\"echo\",\"payload\":{\"failObserverOnce\":true}}");
    await().atMost(30, SECONDS).until(() -> outcomes(id).contains("committed=1"));
    String heard = outcomes(id);
    assertEquals(2, heard.lines().filter(l -> l.startsWith("completed:1:")).count(), heard);
    assertTrue(heard.contains("threw"), heard);
    assertTrue(heard.endsWith("committed=1"), "the first delivery's row rolled back: " + heard);
  }

  @Test
  void aCallerWaitsForAJobsCompletionStage() {
    String id = submit("{\"type\":\"sleep\",\"payload\":{\"ms\":300}}");
    assertEquals("COMPLETED", api.get("probe/java-api/completion/" + id).body());
    assertEquals(
        "COMPLETED", api.get("probe/java-api/completion/" + id).body(), "finished: at once");
    String dead = submit("{\"type\":\"fail\",\"maxAttempts\":1,\"payload\":{}}");
    assertEquals("DEAD", api.get("probe/java-api/completion/" + dead).body());
    assertEquals(
        "NoSuchElementException", api.get("probe/java-api/completion/" + UUID.randomUUID()).body());
  }

  private static String sortedLines(String text) {
    return String.join("\n", text.lines().sorted().toList());
  }

  @Test
  void schedulesDeclaredInCodeAreStoredAtDeploymentMarkedAsSuchAndChangedOnlyInCode() {
    String yearlyPath = "api/schedules/" + DeclaredReport.YEARLY;
    await().atMost(60, SECONDS).until(() -> api.get(yearlyPath).status() == 200);
    JsonObject yearly = api.get(yearlyPath).json();
    assertEquals(DeclaredReport.class.getName(), yearly.getString("declaredBy"));
    assertEquals("30 2 1 1 *", yearly.getString("cron"));
    assertEquals("Europe/Berlin", yearly.getString("timeZone"));
    assertEquals("skip", yearly.getString("overlap"));
    assertEquals("fire-once", yearly.getString("misfire"));
    assertFalse(yearly.getBoolean("paused"));
    JsonObject job = yearly.getJsonObject("job");
    assertEquals(DeclaredReport.TYPE, job.getString("type"));
    assertEquals("high", job.getString("priority"), "the handler's defaults");
    assertEquals("pdf", job.getJsonObject("payload").getString("format"));

    JsonObject configured = api.get("api/schedules/" + DeclaredReport.CONFIGURED).json();
    assertEquals("0 4 1 1 *", configured.getString("cron"), "the reference's default");
    assertEquals("UTC", configured.getString("timeZone"));
    assertEquals(DeclaredReport.class.getName(), configured.getString("declaredBy"));

    Reply edited =
        api.call("PUT", yearlyPath, "{\"cron\":\"0 0 * * *\",\"job\":{\"type\":\"noop\"}}");
    assertEquals(409, edited.status(), edited.body());
    assertEquals("urn:taskqueue:problem:declared-in-code", edited.json().getString("type"));
    assertEquals("30 2 1 1 *", api.get(yearlyPath).json().getString("cron"), "unchanged");

    assertTrue(api.post(yearlyPath + "/pause", "").json().getBoolean("paused"));
    assertFalse(api.post(yearlyPath + "/resume", "").json().getBoolean("paused"));
    Reply run = api.post(yearlyPath + "/run", "");
    assertEquals(201, run.status(), run.body());
    String id = run.json().getString("id");
    await()
        .atMost(20, SECONDS)
        .until(() -> api.get("api/jobs/" + id).json().getString("status").equals("completed"));
    assertEquals(
        "pdf", api.get("api/jobs/" + id).json().getJsonObject("result").getString("format"));

    // Deleting works as for any schedule (a redeploy of this code would store them again).
    assertEquals(204, api.delete(yearlyPath).status());
    assertEquals(204, api.delete("api/schedules/" + DeclaredReport.CONFIGURED).status());
  }

  private String[] submitAll(String keys, String payloads) {
    Reply reply = api.post("probe/java-api/batch?keys=" + keys + "&payloads=" + payloads, "");
    assertEquals(200, reply.status(), reply.body());
    return reply.body().split(",");
  }

  @Test
  void aBatchHonoursEachJobsIdempotencyKey() {
    String key = "batch-" + UUID.randomUUID();
    String[] first = submitAll(key + ",-," + key, "1,2,1");
    assertEquals(first[0], first[2], "the key given twice in one batch: one job");
    assertNotEquals(first[0], first[1]);

    String[] again = submitAll(key + ",-", "1,2");
    assertEquals(first[0], again[0], "the key used again within its window: the earlier job");
    assertNotEquals(first[1], again[1], "no key: a new job each time");
  }

  @Test
  void aKeyReusedForADifferentJobStoresNothingOfTheBatch() {
    String first = "first-" + UUID.randomUUID();
    String reused = "reused-" + UUID.randomUUID();

    Reply refused =
        api.post(
            "probe/java-api/batch?keys=" + first + "," + reused + "," + reused + "&payloads=1,1,2",
            "");
    assertEquals(409, refused.status(), refused.body());
    assertEquals("IdempotencyKeyReused", refused.body());
    // Had the batch stored its first two jobs, their keys would now refuse other payloads.
    assertEquals(1, submitAll(first, "99").length, "the first job and its key were not stored");
    assertEquals(1, submitAll(reused, "2").length, "nor the second's");
  }

  @Test
  void aRefusedBatchLeavesTheCallersTransactionToCommit() {
    Reply reply = api.post("probe/java-api/refused-batch-then-submit", "");
    assertEquals(200, reply.status(), reply.body());
    String id = UUID.fromString(reply.body()).toString();
    assertEquals(200, api.get("api/jobs/" + id).status(), "committed with the transaction");
    awaitStatus(id, "completed");
  }

  @Test
  void aDeadJobIsRetriedFromJavaAndOnlyADeadOrCancelledOne() {
    Reply created = api.post("api/jobs", "{\"type\":\"fail\",\"maxAttempts\":1}");
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    awaitStatus(id, "dead");

    assertEquals("RETRIED", api.post("probe/java-api/retry/" + id, "").body());
    await()
        .atMost(60, SECONDS)
        .until(
            () -> {
              JsonObject job = api.get("api/jobs/" + id).json();
              return job.getString("status").equals("dead") && job.getInt("attempt") == 2;
            });

    String done = submitAll("-", "3")[0];
    awaitStatus(done, "completed");
    assertEquals("NOT_RETRYABLE", api.post("probe/java-api/retry/" + done, "").body());
    assertEquals("NOT_FOUND", api.post("probe/java-api/retry/" + UUID.randomUUID(), "").body());
  }

  @Test
  void aWorkflowFromJavaRunsEachJobAfterItsParentsAndHonoursItsFailurePolicies() {
    Reply reply = api.post("probe/java-api/workflow", "");
    assertEquals(200, reply.status(), reply.body());
    String workflowId = reply.body().split(";")[0];
    Map<String, String> ids = new HashMap<>();
    for (String job : reply.body().split(";")[1].split(",")) {
      ids.put(job.split("=")[0], job.split("=")[1]);
    }
    assertEquals(Set.of("first", "second", "broken", "cleanup", "skipped"), ids.keySet());

    awaitStatus(ids.get("second"), "completed");
    awaitStatus(ids.get("cleanup"), "completed");
    awaitStatus(ids.get("skipped"), "cancelled");
    JsonObject first = api.get("api/jobs/" + ids.get("first")).json();
    JsonObject second = api.get("api/jobs/" + ids.get("second")).json();
    assertEquals("completed", first.getString("status"));
    assertFalse(
        OffsetDateTime.parse(second.getString("startedAt"))
            .isBefore(OffsetDateTime.parse(first.getString("finishedAt"))),
        "the second job started after its parent finished");
    assertEquals(workflowId, second.getString("workflowId"));
    assertEquals("app", second.getString("submittedBy"));

    Reply workflow = api.get("api/workflows/" + workflowId);
    assertEquals(200, workflow.status(), workflow.body());
    ids.values().forEach(id -> assertTrue(workflow.body().contains(id), workflow.body()));
  }

  @Test
  void aWorkflowTheRulesRefuseIsAnInvalidJobAndStoresNothing() {
    Reply cycle = api.post("probe/java-api/workflow?cycle=true", "");
    assertEquals(409, cycle.status(), cycle.body());
    assertTrue(cycle.body().contains("cycle"), cycle.body());

    Reply keyed = api.post("probe/java-api/workflow?key=true", "");
    assertEquals(409, keyed.status(), keyed.body());
    assertTrue(keyed.body().contains("takes no idempotency key"), keyed.body());
  }

  @Test
  void jobsAreListedNewestFirstInKeysetPagesByStateAndType() {
    String[] mine = submitAll("-,-,-", "7,8,9");
    for (String id : mine) {
      awaitStatus(id, "completed");
    }
    String oldest = mine[0];
    List<String> seen = new ArrayList<>();
    String before = "";
    // Page through the completed echo jobs, two at a time, until past the oldest of ours.
    while (seen.isEmpty() || seen.get(seen.size() - 1).compareTo(oldest) > 0) {
      Reply reply =
          api.get("probe/java-api/list?type=echo&submittedBy=app&state=COMPLETED&limit=2" + before);
      assertEquals(200, reply.status(), reply.body());
      String[] page = reply.body().split(";", -1);
      String[] jobs = page[0].split(",");
      assertTrue(jobs.length <= 2, reply.body());
      for (String job : jobs) {
        String[] parts = job.split(" ");
        assertEquals("echo", parts[1]);
        assertEquals("COMPLETED", parts[2]);
        if (!seen.isEmpty()) {
          assertTrue(seen.get(seen.size() - 1).compareTo(parts[0]) > 0, "newest first: " + job);
        }
        seen.add(parts[0]);
      }
      if (page[1].isEmpty()) {
        break;
      }
      before = "&before=" + page[1];
    }
    assertTrue(seen.containsAll(List.of(mine)), "each job once, in some page: " + seen);
    assertEquals(";", api.get("probe/java-api/list?submittedBy=key:nobody&limit=10").body());

    Reply tooMany = api.get("probe/java-api/list?limit=1001");
    assertEquals(409, tooMany.status(), tooMany.body());
    assertTrue(tooMany.body().contains("limit must be between 1 and 1000"), tooMany.body());
  }

  @Test
  void aJobsProgressAndLogAreReadFromJava() {
    Reply created =
        api.post("api/jobs", "{\"type\":\"sleep\",\"payload\":{\"ms\":30,\"steps\":3}}");
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    awaitStatus(id, "completed");

    String telemetry = "probe/java-api/telemetry/" + id + "?after=0&limit=10";
    await()
        .atMost(30, SECONDS)
        .until(() -> api.get(telemetry).body().split(";", -1)[1].split("\\|").length == 3);
    String[] read = api.get(telemetry).body().split(";", -1);
    assertEquals("100 step 3 of 3", read[0]);
    assertEquals(
        List.of(
            "1 1 INFO finished step 1 of 3",
            "2 1 INFO finished step 2 of 3",
            "3 1 INFO finished step 3 of 3"),
        List.of(read[1].split("\\|")));
    assertEquals(
        "100 step 3 of 3;3 1 INFO finished step 3 of 3",
        api.get("probe/java-api/telemetry/" + id + "?after=2&limit=10").body());
    assertEquals(
        "none;", api.get("probe/java-api/telemetry/" + UUID.randomUUID() + "?limit=1").body());
    assertEquals(409, api.get("probe/java-api/telemetry/" + id + "?limit=1001").status());
  }

  private void awaitStatus(String id, String status) {
    await()
        .atMost(60, SECONDS)
        .until(() -> api.get("api/jobs/" + id).json().getString("status").equals(status));
  }
}
