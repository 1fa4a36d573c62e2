package io.taskqueue.job.boundary;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.support.DeployedWar;
import io.taskqueue.support.EventClient;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress and logs that handlers report, through the API and the event feed. */
class JobLogsApiIT extends DeployedWar {

  @Test
  void aRunningJobsProgressAndLogAreVisibleWhileItRunsAndKeptWhenItIsDone() {
    try (EventClient feed = EventClient.listening(deployment, "?types=job.progress,job.log")) {
      String id =
          api.post("api/jobs", "{\"type\":\"sleep\",\"payload\":{\"ms\":4000,\"steps\":4}}")
              .json()
              .getString("id");

      await()
          .atMost(20, SECONDS)
          .until(
              () -> {
                JsonObject job = job(id);
                return job.getString("status").equals("running")
                    && job.containsKey("progress")
                    && job.getJsonObject("progress").getInt("percent") >= 25;
              });
      await()
          .atMost(10, SECONDS)
          .until(() -> messages(id, 0).contains("finished step 1 of 4") && isRunning(id));

      await().atMost(20, SECONDS).until(() -> job(id).getString("status").equals("completed"));
      JsonObject done = job(id);
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
    await().atMost(30, SECONDS).until(() -> job(id).getString("status").equals("completed"));
    JsonObject job = job(id);
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

  private JsonObject job(String id) {
    return api.get("api/jobs/" + id).json();
  }

  private boolean isRunning(String id) {
    return job(id).getString("status").equals("running");
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
