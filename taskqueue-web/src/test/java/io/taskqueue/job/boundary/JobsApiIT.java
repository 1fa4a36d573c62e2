package io.taskqueue.job.boundary;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.support.Api.Reply;
import io.taskqueue.support.DeployedWar;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The jobs API of the deployed WAR on Payara Micro, with real PostgreSQL and Redis behind it. */
class JobsApiIT extends DeployedWar {

  @Test
  void aNoopJobIsStoredQueuedRunAndCompleted() {
    Reply created = api.post("api/jobs", "{\"type\":\"noop\",\"priority\":\"high\"}");

    assertEquals(201, created.status(), created.body());
    JsonObject job = created.json();
    assertEquals("noop", job.getString("type"));
    assertEquals("high", job.getString("priority"));
    assertEquals(4, job.getInt("maxAttempts"));
    String id = job.getString("id");
    await().atMost(10, SECONDS).until(() -> status(id).equals("completed"));
    JsonObject done = api.get("api/jobs/" + id).json();
    assertEquals(1, done.getInt("attempt"));
    assertTrue(done.getString("workerId").contains("/w"), done.toString());
    assertNotNull(done.getString("finishedAt"));
  }

  @Test
  void anEchoJobStoresItsPayloadAsItsResult() {
    String id =
        api.post("api/jobs", "{\"type\":\"echo\",\"payload\":{\"to\":\"ada\",\"n\":[1,2]}}")
            .json()
            .getString("id");

    await().atMost(10, SECONDS).until(() -> status(id).equals("completed"));
    JsonObject done = api.get("api/jobs/" + id).json();
    assertEquals(done.getJsonObject("payload"), done.getJsonObject("result"));
    assertEquals("ada", done.getJsonObject("result").getString("to"));
  }

  @Test
  void aJobThatAlwaysFailsIsRetriedThenDeadWithItsError() {
    String id =
        api.post("api/jobs", "{\"type\":\"fail\",\"maxAttempts\":2}").json().getString("id");

    await().atMost(15, SECONDS).until(() -> status(id).equals("dead"));
    JsonObject dead = api.get("api/jobs/" + id).json();
    assertEquals(2, dead.getInt("attempt"));
    assertTrue(
        dead.getString("lastError").contains("attempt 2 fails"), dead.getString("lastError"));
    assertTrue(dead.getString("lastError").contains("at io.taskqueue"), "carries a stack trace");
  }

  @Test
  void aJobThatFailsOnceSucceedsOnItsSecondAttempt() {
    String id =
        api.post("api/jobs", "{\"type\":\"fail\",\"payload\":{\"times\":1}}")
            .json()
            .getString("id");

    await().atMost(15, SECONDS).until(() -> status(id).equals("completed"));
    assertEquals(2, api.get("api/jobs/" + id).json().getInt("attempt"));
    var attempts = api.get("api/jobs/" + id + "/attempts").jsonValue().asJsonArray();
    assertEquals(2, attempts.size(), attempts.toString());
    assertEquals("failed", attempts.getJsonObject(0).getString("outcome"));
    assertTrue(attempts.getJsonObject(0).getString("error").contains("fail"), attempts.toString());
    assertEquals("completed", attempts.getJsonObject(1).getString("outcome"));
    assertEquals(2, attempts.getJsonObject(1).getInt("attempt"));
    assertTrue(attempts.getJsonObject(1).getString("workerId").contains("/w"));
  }

  @Test
  void aBatchIsStoredWholeAndEveryJobCompletes() {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 200; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append("{\"type\":\"noop\",\"priority\":\"")
          .append(List.of("high", "medium", "low").get(i % 3))
          .append("\"}");
    }
    Reply created = api.post("api/jobs/batch", batch.append("]").toString());

    assertEquals(201, created.status(), created.body());
    List<String> ids =
        created.json().getJsonArray("ids").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList();
    assertEquals(200, ids.size());
    await()
        .atMost(30, SECONDS)
        .until(() -> ids.stream().allMatch(id -> status(id).equals("completed")));
  }

  @Test
  void listingPagesNewestFirstWithAnOpaqueCursorAndFilters() {
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      mine.add(
          api.post("api/jobs", "{\"type\":\"echo\",\"payload\":{\"i\":" + i + "}}")
              .json()
              .getString("id"));
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page =
          api.get("api/jobs?type=echo&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
              .json();
      assertTrue(page.getJsonArray("items").size() <= 2);
      page.getJsonArray("items")
          .getValuesAs(JsonObject.class)
          .forEach(
              j -> {
                assertEquals("echo", j.getString("type"));
                assertFalse(j.containsKey("payload"), "lists leave payloads out: " + j);
                assertFalse(j.containsKey("result"), "lists leave results out: " + j);
                seen.add(j.getString("id"));
              });
      cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
    } while (cursor != null);

    assertEquals(seen.size(), seen.stream().distinct().count(), "no job twice");
    List<String> mineAsListed = seen.stream().filter(mine::contains).toList();
    assertEquals(
        List.of(mine.get(4), mine.get(3), mine.get(2), mine.get(1), mine.get(0)), mineAsListed);
    assertEquals(400, api.get("api/jobs?status=lost").status());
    assertEquals(400, api.get("api/jobs?cursor=nonsense").status());
    assertEquals(400, api.get("api/jobs?limit=0").status());
  }

  @Test
  void livenessReadinessAndStartupProbesAreUpWithTheirData() {
    for (String probe : List.of("/health/live", "/health/ready", "/health/started")) {
      Reply reply = api.getFromRoot(probe);
      assertEquals(200, reply.status(), probe + " " + reply.body());
      assertEquals("UP", reply.json().getString("status"), reply.body());
    }
    JsonObject ready =
        api
            .getFromRoot("/health/ready")
            .json()
            .getJsonArray("checks")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(c -> c.getString("name").equals("taskqueue-backing-services"))
            .findFirst()
            .orElseThrow();
    assertEquals("UP", ready.getJsonObject("data").getString("postgres"));
    assertEquals("UP", ready.getJsonObject("data").getString("redis"));
    JsonObject live =
        api
            .getFromRoot("/health/live")
            .json()
            .getJsonArray("checks")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(c -> c.getString("name").equals("taskqueue-engine"))
            .findFirst()
            .orElseThrow();
    // Payara writes health data values as JSON strings.
    assertEquals("6", live.getJsonObject("data").get("workerLoops").toString().replace("\"", ""));
  }

  @Test
  void queuesShowDepthPerPriorityAndCountsPerStatus() {
    JsonObject queues = api.get("api/queues").json();

    assertEquals(
        List.of("high", "medium", "low"), List.copyOf(queues.getJsonObject("waiting").keySet()));
    assertTrue(queues.getJsonObject("statuses").containsKey("completed"));
    assertTrue(queues.containsKey("inFlight") && queues.containsKey("delayed"));
  }

  @Test
  void badRequestsGetProblemResponsesAndStoreNothing() {
    long before = totalJobs();
    String bigPayload = "{\"type\":\"noop\",\"payload\":{\"x\":\"" + "a".repeat(1_100_000) + "\"}}";
    StringBuilder tooMany = new StringBuilder("[");
    for (int i = 0; i < 1001; i++) {
      tooMany.append(i == 0 ? "" : ",").append("{\"type\":\"noop\"}");
    }
    String tooManyJobs = tooMany.append("]").toString();

    assertProblem(api.post("api/jobs", "{\"type\":"), 400, "Malformed JSON");
    assertProblem(api.post("api/jobs", "{\"type\":\"noop\",\"colour\":\"red\"}"), 400, null);
    Reply unknownType = api.post("api/jobs", "{\"type\":\"resize-image\"}");
    assertProblem(unknownType, 400, "Unknown job type");
    assertTrue(
        unknownType.json().getString("detail").contains("echo, fail, join, noop, sleep"),
        unknownType.body());
    assertProblem(
        api.post("api/jobs", "{\"type\":\"noop\",\"priority\":\"urgent\"}"), 400, "Invalid job");
    assertProblem(
        api.post("api/jobs", "{\"type\":\"noop\",\"maxAttempts\":0}"), 400, "Invalid job");
    assertProblem(api.post("api/jobs", "{\"type\":\"noop\",\"maxAttempts\":\"many\"}"), 400, null);
    assertProblem(api.post("api/jobs", ""), 400, null);
    assertProblem(api.post("api/jobs", "[]"), 400, null);
    assertProblem(api.post("api/jobs", "text/plain", "noop"), 415, null);
    assertProblem(api.post("api/jobs", bigPayload), 413, "Payload too large");
    assertProblem(api.post("api/jobs/batch", "[]"), 400, "Empty batch");
    assertProblem(api.post("api/jobs/batch", tooManyJobs), 413, "Batch too large");
    assertProblem(
        api.post("api/jobs/batch", "[{\"type\":\"noop\"},{\"type\":\"nope\"}]"),
        400,
        "Unknown job type");
    assertProblem(api.get("api/jobs/00000000-0000-7000-8000-000000000000"), 404, "Job not found");
    assertProblem(api.get("api/jobs/not-a-uuid"), 404, "Job not found");

    assertEquals(before, totalJobs(), "no bad request stored a job");
  }

  private void assertProblem(Reply reply, int status, String title) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    JsonObject problem = reply.json();
    assertEquals(status, problem.getInt("status"));
    assertFalse(problem.getString("type").isBlank());
    assertFalse(problem.getString("detail").isBlank());
    assertFalse(
        reply.body().contains("Exception"), "no stack trace or exception name: " + reply.body());
    if (title != null) {
      assertEquals(title, problem.getString("title"));
    }
  }

  private long totalJobs() {
    return api.get("api/queues").json().getJsonObject("statuses").values().stream()
        .mapToLong(v -> ((jakarta.json.JsonNumber) v).longValue())
        .sum();
  }

  private String status(String id) {
    JsonValue status = api.get("api/jobs/" + id).json().get("status");
    return ((JsonString) status).getString();
  }
}
