package io.taskqueue.retention.boundary;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.TestServices;
import io.taskqueue.support.Api;
import io.taskqueue.support.Api.Reply;
import io.taskqueue.support.DeployedWar;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Retention through the deployed WAR (a round every second here): old finished jobs go, the counts
 * the console shows stay equal to the table's, the last round and the metrics say what was removed;
 * viewers read the ages, only admins change them, and every change is audited.
 */
class RetentionApiIT extends DeployedWar {

  @Test
  void finishedJobsPastTheirAgeGoAndTheLastRunAndTheMetricsSaySo() throws Exception {
    UUID old = insertJob("COMPLETED", days(9), days(8));
    UUID oldDead = insertJob("DEAD", days(40), days(31));
    UUID finishedLately = insertJob("COMPLETED", days(9), days(6));
    UUID unfinished = insertJob("QUEUED", days(60), null);
    assertEquals(200, api.get("api/jobs/" + old).status());

    await().atMost(30, SECONDS).until(() -> api.get("api/jobs/" + old).status() == 404);
    await().atMost(30, SECONDS).until(() -> api.get("api/jobs/" + oldDead).status() == 404);

    assertEquals(200, api.get("api/jobs/" + finishedLately).status());
    assertEquals(200, api.get("api/jobs/" + unfinished).status());
    JsonObject lastRun = api.get("api/retention").json().getJsonObject("lastRun");
    assertFalse(lastRun.getString("node").isBlank());
    assertTrue(lastRun.containsKey("removed"), lastRun.toString());
    String metrics = api.getFromRoot("/metrics").body();
    assertTrue(
        removedTotal(metrics, "completed") >= 1,
        "taskqueue_retention_removed_total{kind=completed} counts the removed job");
    assertTrue(metrics.contains("taskqueue_retention_round_ms"), "round durations");
    // The queued job, deleted here so that it does not wait in the table for ever.
    sql("DELETE FROM jobs WHERE id IN ('" + unfinished + "', '" + finishedLately + "')");
  }

  @Test
  void theCountsTheConsoleShowsStayTheTablesThroughAPrune() throws Exception {
    for (int i = 0; i < 50; i++) {
      insertJob("COMPLETED", days(9), days(8));
      insertJob("CANCELLED", days(45), days(44));
    }
    await()
        .atMost(30, SECONDS)
        .until(
            () ->
                count("SELECT count(*) FROM jobs WHERE finished_at < now() - interval '8 days'")
                    == 0);
    await().atMost(30, SECONDS).until(() -> consoleCounts().equals(tableCounts()));
  }

  @Test
  void viewersReadTheAgesAdminsChangeThemAndEveryChangeIsAudited() {
    Api viewer = api.as(key("retention-viewer", "viewer"));
    Api operator = api.as(key("retention-operator", "operator"));
    JsonObject ages = viewer.get("api/retention").json();
    assertEquals(7, ages.getInt("completedDays"));
    assertEquals(30, ages.getInt("deadDays"));
    assertEquals(30, ages.getInt("cancelledDays"));
    assertEquals(365, ages.getInt("auditDays"));
    assertEquals(1000, ages.getInt("batch"));

    assertEquals(403, viewer.call("PUT", "api/retention", "{\"completedDays\":1}").status());
    assertEquals(403, operator.call("PUT", "api/retention", "{\"completedDays\":1}").status());
    try {
      Reply changed = api.call("PUT", "api/retention", "{\"completedDays\":3,\"auditDays\":0}");
      assertEquals(200, changed.status(), changed.body());
      assertEquals(3, changed.json().getInt("completedDays"));
      assertEquals(0, changed.json().getInt("auditDays"), "0 keeps audit entries for ever");
      assertEquals(30, changed.json().getInt("deadDays"), "not named: unchanged");
      assertEquals(7, changed.json().getJsonObject("configured").getInt("completedDays"));
      assertEquals("bootstrap-admin", changed.json().getString("changedBy"));
      assertEquals(3, viewer.get("api/retention").json().getInt("completedDays"));
      JsonObject entry =
          api.get("api/audit?action=retention.change")
              .json()
              .getJsonArray("items")
              .getJsonObject(0);
      assertEquals("bootstrap-admin", entry.getString("actor"));
      assertTrue(entry.getString("outcome").contains("completedDays=3"), entry.toString());
    } finally {
      Reply reset = api.call("PUT", "api/retention", "{\"completedDays\":null,\"auditDays\":null}");
      assertEquals(200, reset.status(), reset.body());
      assertEquals(7, reset.json().getInt("completedDays"), "null: the configured age again");
      assertEquals(365, reset.json().getInt("auditDays"));
    }
  }

  @Test
  void badSettingsAreRefusedWithAProblemAndChangeNothing() {
    for (String body :
        List.of(
            "",
            "[]",
            "{}",
            "{\"completedDays\":-1}",
            "{\"completedDays\":36501}",
            "{\"completedDays\":99999999999}",
            "{\"completedDays\":1.5}",
            "{\"completedDays\":\"7\"}",
            "{\"keepForever\":true}")) {
      Reply reply = api.call("PUT", "api/retention", body);
      assertEquals(400, reply.status(), body + ": " + reply.body());
      assertEquals("application/problem+json", reply.contentType(), body);
      assertEquals(400, reply.json().getInt("status"));
      assertFalse(reply.json().getString("detail").isBlank());
    }
    assertEquals(7, api.get("api/retention").json().getInt("completedDays"));
  }

  private String key(String name, String role) {
    Reply reply =
        api.post(
            "api/keys",
            "{\"name\":\"" + name + "-" + System.nanoTime() + "\",\"roles\":[\"" + role + "\"]}");
    assertEquals(201, reply.status(), reply.body());
    return reply.json().getString("secret");
  }

  private Map<String, Long> consoleCounts() {
    Map<String, Long> counts = new TreeMap<>();
    api.get("api/queues")
        .json()
        .getJsonObject("statuses")
        .forEach((status, n) -> counts.put(status, ((jakarta.json.JsonNumber) n).longValue()));
    counts.values().removeIf(n -> n == 0);
    return counts;
  }

  private Map<String, Long> tableCounts() throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = database();
        ResultSet r =
            c.createStatement().executeQuery("SELECT status, count(*) FROM jobs GROUP BY status")) {
      while (r.next()) {
        counts.put(r.getString(1).toLowerCase(), r.getLong(2));
      }
    }
    return counts;
  }

  private static long removedTotal(String metrics, String kind) {
    return metrics
        .lines()
        .filter(
            l ->
                l.startsWith("taskqueue_retention_removed_total{")
                    && l.contains("kind=\"" + kind + "\""))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static Instant days(int n) {
    return Instant.now().minus(Duration.ofDays(n));
  }

  /** A job created at {@code created} (its UUIDv7 says so) and finished at {@code finished}. */
  private static UUID insertJob(String status, Instant created, Instant finished)
      throws SQLException {
    long bits = ThreadLocalRandom.current().nextLong();
    UUID id =
        new UUID(
            (created.toEpochMilli() << 16) | 0x7000L | (bits & 0xFFFL),
            (bits >>> 2) | 0x8000000000000000L);
    try (Connection c = database();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO jobs (id, type, payload, priority, status, attempt, max_attempts,"
                    + " attempt_budget, created_at, finished_at) VALUES (?, 'noop', '{}', 'LOW', ?,"
                    + " 1, 3, 3, ?, ?)")) {
      s.setObject(1, id);
      s.setString(2, status);
      s.setTimestamp(3, Timestamp.from(created));
      s.setTimestamp(4, finished == null ? null : Timestamp.from(finished));
      s.executeUpdate();
    }
    return id;
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = database();
        ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void sql(String sql) throws SQLException {
    try (Connection c = database()) {
      c.createStatement().execute(sql);
    }
  }

  private static Connection database() throws SQLException {
    var endpoints = TestServices.endpoints();
    return DriverManager.getConnection(
        endpoints.dbUrl(), endpoints.dbUser(), endpoints.dbPassword());
  }
}
