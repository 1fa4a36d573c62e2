package io.taskqueue.recurring.boundary;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.support.Api.Reply;
import io.taskqueue.support.DeployedWar;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recurring jobs through the API of the deployed WAR. */
class SchedulesApiIT extends DeployedWar {

  @Test
  void aScheduleIsCreatedReadChangedPausedResumedAndDeletedEachChangeAudited() {
    String name = "nightly-" + System.nanoTime();
    Reply created =
        api.post(
            "api/schedules",
            "{\"name\":\""
                + name
                + "\",\"cron\":\"30 2 * * *\",\"timeZone\":\"America/New_York\","
                + "\"job\":{\"type\":\"noop\",\"priority\":\"low\",\"maxAttempts\":2},"
                + "\"overlap\":\"skip\",\"misfire\":\"fire-once\"}");
    assertEquals(201, created.status(), created.body());
    assertTrue(created.header("Location").endsWith("/api/schedules/" + name));
    JsonObject schedule = created.json();
    assertEquals("at 02:30", schedule.getString("description"));
    assertEquals("low", schedule.getJsonObject("job").getString("priority"));
    assertEquals("skip", schedule.getString("overlap"));
    assertEquals("fire-once", schedule.getString("misfire"));
    assertEquals(5, schedule.getJsonArray("nextFireTimes").size());
    OffsetDateTime first =
        OffsetDateTime.parse(schedule.getJsonArray("nextFireTimes").getString(0));
    assertTrue(first.isAfter(OffsetDateTime.now()), "fires in the future");

    assertEquals(name, api.get("api/schedules/" + name).json().getString("name"));
    assertTrue(
        api.get("api/schedules?limit=500").json().getJsonArray("items").stream()
            .anyMatch(s -> s.asJsonObject().getString("name").equals(name)));

    Reply changed =
        api.call(
            "PUT",
            "api/schedules/" + name,
            "{\"cron\":\"0 */6 * * *\",\"timeZone\":\"UTC\",\"job\":{\"type\":\"noop\"}}");
    assertEquals(200, changed.status(), changed.body());
    assertEquals("0 */6 * * *", changed.json().getString("cron"));
    assertEquals("allow", changed.json().getString("overlap"), "a replacement, not a patch");

    JsonObject paused = api.post("api/schedules/" + name + "/pause", "").json();
    assertTrue(paused.getBoolean("paused"));
    assertEquals(0, paused.getJsonArray("nextFireTimes").size());
    JsonObject resumed = api.post("api/schedules/" + name + "/resume", "").json();
    assertFalse(resumed.getBoolean("paused"));
    assertEquals(5, resumed.getJsonArray("nextFireTimes").size());

    assertEquals(204, api.delete("api/schedules/" + name).status());
    assertEquals(404, api.get("api/schedules/" + name).status());

    List<String> audited =
        api.get("api/audit?limit=200").json().getJsonArray("items").stream()
            .map(JsonObject.class::cast)
            .filter(e -> e.getString("target", "").equals(name))
            .map(e -> e.getString("action"))
            .toList();
    assertEquals(
        List.of(
            "schedule.delete",
            "schedule.resume",
            "schedule.pause",
            "schedule.update",
            "schedule.create"),
        audited);
  }

  @Test
  void aDueScheduleSubmitsJobsThatLinkBackToItsFireTimesAndShowsItsLastRun() {
    String name = "every-second-" + System.nanoTime();
    assertEquals(
        201,
        api.post(
                "api/schedules",
                "{\"name\":\"" + name + "\",\"cron\":\"* * * * * ?\",\"job\":{\"type\":\"noop\"}}")
            .status());
    try {
      await()
          .atMost(30, SECONDS)
          .until(
              () -> {
                JsonObject last = api.get("api/schedules/" + name).json().getJsonObject("lastRun");
                return last != null && last.getString("status").equals("completed");
              });
      JsonObject last = api.get("api/schedules/" + name).json().getJsonObject("lastRun");
      JsonObject job = api.get("api/jobs/" + last.getString("jobId")).json();
      assertEquals(name, job.getString("schedule"));
      assertEquals(last.getString("fireTime"), job.getString("fireTime"));
      assertEquals("schedule:" + name, job.getString("submittedBy"));
    } finally {
      api.delete("api/schedules/" + name);
    }
  }

  @Test
  void runNowSubmitsTheJobAtOnceEvenWhenPaused() {
    String name = "by-hand-" + System.nanoTime();
    api.post(
        "api/schedules",
        "{\"name\":\""
            + name
            + "\",\"cron\":\"0 0 1 1 *\",\"paused\":true,\"job\":{\"type\":\"echo\","
            + "\"payload\":{\"from\":\"schedule\"}}}");
    Reply run = api.post("api/schedules/" + name + "/run", "");
    assertEquals(201, run.status(), run.body());
    String id = run.json().getString("id");
    assertEquals(name, run.json().getString("schedule"));
    assertFalse(run.json().containsKey("fireTime"), "run by hand: no fire time");
    await()
        .atMost(20, SECONDS)
        .until(() -> api.get("api/jobs/" + id).json().getString("status").equals("completed"));
    assertEquals(
        "schedule", api.get("api/jobs/" + id).json().getJsonObject("result").getString("from"));
    assertEquals(
        id, api.get("api/schedules/" + name).json().getJsonObject("lastRun").getString("jobId"));
    api.delete("api/schedules/" + name);
  }

  @Test
  void badSchedulesAreRefusedWithAProblemAndNothingIsStored() {
    Map<String, String> refusals =
        Map.of(
            "{\"name\":\"bad-cron\",\"cron\":\"61 * * * *\",\"job\":{\"type\":\"noop\"}}",
            "invalid-cron",
            "{\"name\":\"bad-zone\",\"cron\":\"* * * * *\",\"timeZone\":\"Mars/Olympus\","
                + "\"job\":{\"type\":\"noop\"}}",
            "invalid-time-zone",
            "{\"name\":\"bad-type\",\"cron\":\"* * * * *\",\"job\":{\"type\":\"no-such\"}}",
            "unknown-job-type",
            "{\"name\":\"bad name!\",\"cron\":\"* * * * *\",\"job\":{\"type\":\"noop\"}}",
            "invalid-schedule",
            "{\"name\":\"no-job\",\"cron\":\"* * * * *\"}",
            "invalid-schedule",
            "{\"name\":\"delayed\",\"cron\":\"* * * * *\",\"job\":{\"type\":\"noop\","
                + "\"delayMs\":5}}",
            "invalid-schedule",
            "{\"name\":\"bad-misfire\",\"cron\":\"* * * * *\",\"misfire\":\"later\","
                + "\"job\":{\"type\":\"noop\"}}",
            "invalid-schedule",
            "{\"name\":\"never\",\"cron\":\"0 0 30 2 *\",\"job\":{\"type\":\"noop\"}}",
            "invalid-cron");
    refusals.forEach(
        (body, type) -> {
          Reply refused = api.post("api/schedules", body);
          assertEquals(400, refused.status(), body + " -> " + refused.body());
          assertEquals("application/problem+json", refused.header("Content-Type"));
          assertEquals("urn:taskqueue:problem:" + type, refused.json().getString("type"), body);
          String name = body.substring(9, body.indexOf('"', 9));
          assertEquals(404, api.get("api/schedules/" + name.replace(" ", "%20")).status(), name);
        });

    String name = "taken-" + System.nanoTime();
    String body = "{\"name\":\"" + name + "\",\"cron\":\"0 0 1 1 *\",\"job\":{\"type\":\"noop\"}}";
    assertEquals(201, api.post("api/schedules", body).status());
    Reply again = api.post("api/schedules", body);
    assertEquals(409, again.status());
    assertEquals("urn:taskqueue:problem:schedule-exists", again.json().getString("type"));
    assertEquals(404, api.post("api/schedules/no-such-schedule/run", "").status());
    api.delete("api/schedules/" + name);
  }

  @Test
  void thePreviewSaysInWordsAndInLocalTimeWhenAnExpressionFires() {
    JsonObject preview =
        api.get("api/schedules/preview?cron=0%209%20*%20*%201-5&timeZone=Europe/Berlin&count=3")
            .json();
    assertEquals(3, preview.getJsonArray("nextFireTimes").size());
    assertTrue(preview.getString("description").contains("09:00"), preview.toString());
    String local = preview.getJsonArray("localTimes").getString(0);
    assertTrue(local.contains("09:00:00"), local);
    assertFalse(local.startsWith("Sat") || local.startsWith("Sun"), local);
    assertEquals(400, api.get("api/schedules/preview?cron=nonsense").status());
  }
}
