package io.taskqueue.workflow.boundary;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.support.Api.Reply;
import io.taskqueue.support.DeployedWar;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Jobs that depend on each other, through the API of the deployed WAR. */
class WorkflowsApiIT extends DeployedWar {

  @Test
  void eachJobRunsAfterItsParentsAndTheFanInSeesTheirResults() {
    Map<String, String> ids =
        submit(
            "{\"jobs\":["
                + "{\"key\":\"fetch\",\"type\":\"echo\",\"payload\":{\"n\":1}},"
                + "{\"key\":\"left\",\"type\":\"echo\",\"payload\":{\"n\":2},\"parents\":[\"fetch\"]},"
                + "{\"key\":\"right\",\"type\":\"echo\",\"payload\":{\"n\":3},\"parents\":[\"fetch\"]},"
                + "{\"key\":\"join\",\"type\":\"join\",\"parents\":[\"left\",\"right\"]}]}");
    assertEquals("waiting", job(ids.get("join")).getString("status"));

    await().atMost(30, SECONDS).until(() -> status(ids.get("join")).equals("completed"));
    for (String[] edge :
        new String[][] {
          {"fetch", "left"}, {"fetch", "right"}, {"left", "join"}, {"right", "join"}
        }) {
      OffsetDateTime parentDone = time(ids.get(edge[0]), "finishedAt");
      OffsetDateTime childStarted = time(ids.get(edge[1]), "startedAt");
      assertFalse(childStarted.isBefore(parentDone), edge[1] + " started after " + edge[0]);
    }
    Set<Integer> joined =
        job(ids.get("join")).getJsonObject("result").getJsonArray("parents").stream()
            .map(p -> p.asJsonObject().getJsonObject("result").getInt("n"))
            .collect(Collectors.toSet());
    assertEquals(Set.of(2, 3), joined, "the join read both parents' results");

    JsonObject deps = api.get("api/jobs/" + ids.get("fetch") + "/dependencies").json();
    assertEquals(
        Set.of("left", "right"),
        deps.getJsonArray("children").stream()
            .map(c -> c.asJsonObject().getString("key"))
            .collect(Collectors.toSet()));
    String workflow = job(ids.get("fetch")).getString("workflowId");
    JsonObject view = api.get("api/workflows/" + workflow).json();
    assertEquals(4, view.getJsonArray("jobs").size());
    assertEquals(4, view.getJsonObject("statuses").getInt("completed"));
    JsonObject join =
        view.getJsonArray("jobs").stream()
            .map(JsonObject.class::cast)
            .filter(j -> j.getString("key").equals("join"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        Set.of(ids.get("left"), ids.get("right")),
        join.getJsonArray("parents").stream()
            .map(p -> p.toString().replace("\"", ""))
            .collect(Collectors.toSet()));

    // Page by page: the counts are the whole workflow's, the jobs a page's, in submission order.
    List<String> paged = new ArrayList<>();
    String after = null;
    do {
      JsonObject page =
          api.get(
                  "api/workflows/"
                      + workflow
                      + "?limit=3"
                      + (after == null ? "" : "&after=" + after))
              .json();
      assertEquals(4, page.getJsonObject("statuses").getInt("completed"));
      assertTrue(page.getJsonArray("jobs").size() <= 3);
      page.getJsonArray("jobs")
          .getValuesAs(JsonObject.class)
          .forEach(j -> paged.add(j.getString("id")));
      after = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
    } while (after != null);
    assertEquals(
        view.getJsonArray("jobs").getValuesAs(JsonObject.class).stream()
            .map(j -> j.getString("id"))
            .toList(),
        paged);
    assertEquals(400, api.get("api/workflows/" + workflow + "?limit=1001").status());
  }

  /**
   * Ten 60 KB echoes, then five layers of ten joins each joining the whole layer before: results
   * would grow tenfold per layer (0.6, 6, 57, 573 MiB, 5.7 GiB) and take the node down. The second
   * layer's results pass the 1 MiB limit: those joins end dead on their first attempt, and the
   * layers after them are cancelled without ever running.
   */
  @Test
  void aJoinOfJoinsStopsAtTheResultLimitInsteadOfGrowingTenfoldPerLayer() {
    StringBuilder body = new StringBuilder("{\"jobs\":[");
    String pad = "x".repeat(60_000);
    for (int i = 0; i < 10; i++) {
      body.append("{\"key\":\"e")
          .append(i)
          .append("\",\"type\":\"echo\",\"payload\":{\"pad\":\"")
          .append(pad)
          .append("\"}},");
    }
    for (int layer = 1; layer <= 5; layer++) {
      String previous = layer == 1 ? "e" : "j" + (layer - 1) + "_";
      String parents =
          java.util.stream.IntStream.range(0, 10)
              .mapToObj(i -> "\"" + previous + i + "\"")
              .collect(Collectors.joining(","));
      for (int i = 0; i < 10; i++) {
        body.append("{\"key\":\"j")
            .append(layer)
            .append('_')
            .append(i)
            .append("\",\"type\":\"join\",\"maxAttempts\":3,\"parents\":[")
            .append(parents)
            .append("]},");
      }
    }
    body.setLength(body.length() - 1);
    Map<String, String> ids = submit(body.append("]}").toString());

    await()
        .atMost(60, SECONDS)
        .until(
            () ->
                java.util.stream.IntStream.range(0, 10)
                    .allMatch(i -> status(ids.get("j5_" + i)).equals("cancelled")));
    for (int i = 0; i < 10; i++) {
      assertEquals("completed", status(ids.get("j1_" + i)), "600 KB: within the limit");
      JsonObject second = job(ids.get("j2_" + i));
      assertEquals("dead", second.getString("status"));
      assertEquals(1, second.getInt("attempt"), "not retried: it would only fail again");
      assertTrue(
          second.getString("lastError").contains("result too large: more than 1048576 bytes"),
          second.getString("lastError"));
      for (int layer = 3; layer <= 5; layer++) {
        JsonObject never = job(ids.get("j" + layer + "_" + i));
        assertEquals("cancelled", never.getString("status"));
        assertEquals(0, never.getInt("attempt"), "never ran");
      }
    }
  }

  @Test
  void aFailedParentCancelsItsWaitingChildrenDownTheLineUnlessTheyRunAnyway() {
    Map<String, String> ids =
        submit(
            "{\"jobs\":["
                + "{\"key\":\"doomed\",\"type\":\"fail\",\"maxAttempts\":1},"
                + "{\"key\":\"after\",\"type\":\"noop\",\"parents\":[\"doomed\"]},"
                + "{\"key\":\"later\",\"type\":\"noop\",\"parents\":[\"after\"]},"
                + "{\"key\":\"cleanup\",\"type\":\"join\",\"parents\":[\"doomed\"],"
                + "\"onParentFailure\":\"run-anyway\"}]}");
    await().atMost(30, SECONDS).until(() -> status(ids.get("later")).equals("cancelled"));
    assertEquals("dead", status(ids.get("doomed")));
    assertEquals("cancelled", status(ids.get("after")));
    await().atMost(30, SECONDS).until(() -> status(ids.get("cleanup")).equals("completed"));
    assertEquals(
        "dead",
        job(ids.get("cleanup"))
            .getJsonObject("result")
            .getJsonArray("parents")
            .getJsonObject(0)
            .getString("state"));
  }

  @Test
  void retryingAParentWithItsDependentsPutsBackWhatItsFailureCancelledAndTheyRun() {
    Map<String, String> ids =
        submit(
            "{\"jobs\":["
                + "{\"key\":\"flaky\",\"type\":\"fail\",\"payload\":{\"times\":1},"
                + "\"maxAttempts\":1},"
                + "{\"key\":\"after\",\"type\":\"noop\",\"parents\":[\"flaky\"]},"
                + "{\"key\":\"later\",\"type\":\"noop\",\"parents\":[\"after\"]},"
                + "{\"key\":\"cleanup\",\"type\":\"noop\",\"parents\":[\"flaky\"],"
                + "\"onParentFailure\":\"run-anyway\"}]}");
    await().atMost(30, SECONDS).until(() -> status(ids.get("later")).equals("cancelled"));
    await().atMost(30, SECONDS).until(() -> status(ids.get("cleanup")).equals("completed"));

    Reply retried = api.post("api/jobs/" + ids.get("flaky") + "/retry?withDependents=true", "");

    assertEquals(200, retried.status(), retried.body());
    await().atMost(30, SECONDS).until(() -> status(ids.get("later")).equals("completed"));
    assertEquals("completed", status(ids.get("flaky")));
    assertEquals("completed", status(ids.get("after")));
    assertFalse(
        time(ids.get("later"), "startedAt").isBefore(time(ids.get("after"), "finishedAt")),
        "the line ran in order again");
    assertEquals(
        1,
        api.get("api/jobs/" + ids.get("cleanup") + "/attempts").jsonValue().asJsonArray().size(),
        "what ran anyway keeps its outcome and does not run again");
  }

  @Test
  void aChildCannotBeRetriedWhileItsParentRunsAgainButCanOnceThatParentEnded() {
    Map<String, String> ids =
        submit(
            "{\"jobs\":["
                + "{\"key\":\"flaky\",\"type\":\"fail\",\"payload\":{\"times\":1},"
                + "\"maxAttempts\":1,\"priority\":\"low\"},"
                + "{\"key\":\"after\",\"type\":\"noop\",\"parents\":[\"flaky\"]}]}");
    await().atMost(30, SECONDS).until(() -> status(ids.get("after")).equals("cancelled"));
    assertEquals(200, api.post("api/queues/low/pause", "").status());
    try {
      assertEquals(200, api.post("api/jobs/" + ids.get("flaky") + "/retry", "").status());
      assertEquals("queued", status(ids.get("flaky")));

      Reply early = api.post("api/jobs/" + ids.get("after") + "/retry", "");

      assertEquals(409, early.status(), "its parent is queued again: " + early.body());
      assertEquals("cancelled", status(ids.get("after")));
    } finally {
      assertEquals(200, api.post("api/queues/low/resume", "").status());
    }
    await().atMost(30, SECONDS).until(() -> status(ids.get("flaky")).equals("completed"));
    Reply late = api.post("api/jobs/" + ids.get("after") + "/retry", "");
    assertEquals(200, late.status(), late.body());
    await().atMost(30, SECONDS).until(() -> status(ids.get("after")).equals("completed"));
  }

  @Test
  void cancellingAWorkflowCancelsItsRunningAndWaitingJobsInOneCall() {
    Map<String, String> ids =
        submit(
            "{\"jobs\":[{\"key\":\"long\",\"type\":\"sleep\",\"payload\":{\"ms\":60000}},"
                + "{\"key\":\"next\",\"type\":\"noop\",\"parents\":[\"long\"]}]}");
    await().atMost(20, SECONDS).until(() -> status(ids.get("long")).equals("running"));
    String workflow = job(ids.get("long")).getString("workflowId");

    Reply cancelled = api.post("api/workflows/" + workflow + "/cancel", "");
    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals(2, cancelled.json().getInt("cancelled"));
    assertEquals("cancelled", status(ids.get("long")));
    assertEquals("cancelled", status(ids.get("next")));
    assertEquals(
        404, api.post("api/workflows/" + java.util.UUID.randomUUID() + "/cancel", "").status());
  }

  @Test
  void aJobMayWaitForAJobStoredEarlierButNotForOneThatAlreadyDied() {
    String earlier =
        api.post("api/jobs", "{\"type\":\"sleep\",\"payload\":{\"ms\":500}}")
            .json()
            .getString("id");
    Map<String, String> ids =
        submit(
            "{\"jobs\":[{\"key\":\"after-earlier\",\"type\":\"noop\",\"parents\":[\""
                + earlier
                + "\"]}]}");
    await().atMost(30, SECONDS).until(() -> status(ids.get("after-earlier")).equals("completed"));
    assertFalse(time(ids.get("after-earlier"), "startedAt").isBefore(time(earlier, "finishedAt")));

    String dead =
        api.post("api/jobs", "{\"type\":\"fail\",\"maxAttempts\":1}").json().getString("id");
    await().atMost(30, SECONDS).until(() -> status(dead).equals("dead"));
    Reply refused =
        api.post(
            "api/workflows",
            "{\"jobs\":[{\"key\":\"x\",\"type\":\"noop\",\"parents\":[\"" + dead + "\"]}]}");
    assertEquals(409, refused.status(), refused.body());
    assertEquals("urn:taskqueue:problem:parent-failed", refused.json().getString("type"));
  }

  @Test
  void cyclesAndUnknownParentsAreRefusedBeforeAnythingIsStored() {
    String newestBefore = newestEchoJob();
    Map<String, String> refusals = new HashMap<>();
    refusals.put(
        "{\"jobs\":[{\"key\":\"a\",\"type\":\"echo\",\"parents\":[\"b\"]},"
            + "{\"key\":\"b\",\"type\":\"echo\",\"parents\":[\"a\"]}]}",
        "dependency-cycle");
    refusals.put(
        "{\"jobs\":[{\"key\":\"a\",\"type\":\"echo\"},"
            + "{\"key\":\"b\",\"type\":\"echo\",\"parents\":[\"c\"]}]}",
        "unknown-parent");
    refusals.put(
        "{\"jobs\":[{\"key\":\"a\",\"type\":\"echo\",\"parents\":[\""
            + java.util.UUID.randomUUID()
            + "\"]}]}",
        "unknown-parent");
    refusals.put(
        "{\"jobs\":[{\"key\":\"a\",\"type\":\"echo\"},{\"key\":\"a\",\"type\":\"echo\"}]}",
        "duplicate-key");
    refusals.put("{\"jobs\":[]}", "invalid-workflow");
    refusals.put(
        "{\"jobs\":[{\"key\":\"a\",\"type\":\"echo\"},"
            + "{\"key\":\"b\",\"type\":\"echo\",\"parents\":[\"a\"],\"delayMs\":10}]}",
        "invalid-workflow");
    refusals.put(
        "{\"jobs\":[{\"key\":\"a\",\"type\":\"echo\"},{\"key\":\"b\",\"type\":\"nope\"}]}",
        "unknown-job-type");
    refusals.forEach(
        (body, type) -> {
          Reply refused = api.post("api/workflows", body);
          assertEquals(400, refused.status(), body + " -> " + refused.body());
          assertEquals("application/problem+json", refused.header("Content-Type"));
          assertEquals("urn:taskqueue:problem:" + type, refused.json().getString("type"), body);
        });
    assertEquals(newestBefore, newestEchoJob(), "no job of any refused workflow was stored");
  }

  private Map<String, String> submit(String body) {
    Reply reply = api.post("api/workflows", body);
    assertEquals(201, reply.status(), reply.body());
    assertTrue(reply.json().containsKey("workflowId"));
    Map<String, String> ids = new HashMap<>();
    reply
        .json()
        .getJsonArray("jobs")
        .forEach(j -> ids.put(j.asJsonObject().getString("key"), j.asJsonObject().getString("id")));
    return ids;
  }

  private String newestEchoJob() {
    List<JsonObject> items =
        api.get("api/jobs?type=echo&limit=1").json().getJsonArray("items").stream()
            .map(JsonObject.class::cast)
            .toList();
    return items.isEmpty() ? null : items.get(0).getString("id");
  }

  private JsonObject job(String id) {
    return api.get("api/jobs/" + id).json();
  }

  private String status(String id) {
    return job(id).getString("status");
  }

  private OffsetDateTime time(String id, String field) {
    return OffsetDateTime.parse(job(id).getString(field));
  }
}
