package io.taskqueue.faults;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.launcher.control.PayaraMicroProcess;
import io.taskqueue.launcher.control.TestServices;
import io.taskqueue.support.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * taskqueue in a schema of its own ({@code taskqueue.db.schema}) on a pool of the server's own, as
 * an operations team defines it ({@code asadmin create-jdbc-connection-pool}, with the driver in
 * the server's libraries): {@code taskqueue.datasource} names it, and the built-in datasource
 * points at a port where nothing listens, so that everything that works here worked through the
 * operators' pool. The pool has none of the built-in one's properties ({@code
 * stringType=unspecified} among them); taskqueue's statements carry their own bound.
 */
class OperatorsPoolClusterIT {

  private static final String APPLICATION_NAME = "operators-pool";

  /** taskqueue's tables go here; the pool's sessions keep the default search_path. */
  private static final String SCHEMA = "taskqueue";

  @Test
  void aNodeOnThePoolTheOperatorsManageRunsJobsThroughItAndBoundsItsOwnStatements()
      throws Exception {
    FaultCluster cluster = new FaultCluster("operators_pool");
    Map<String, String> environment = cluster.environment("any", Map.of());
    URI database = URI.create(environment.get("TASKQUEUE_DB_URL").substring("jdbc:".length()));
    Path commands = Files.createTempFile("operators-pool", ".asadmin");
    Files.writeString(
        commands,
        "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
            + " --restype=javax.sql.DataSource --property=serverName=127.0.0.1:portNumber="
            + database.getPort()
            + ":databaseName="
            + database.getPath().substring(1)
            + ":user="
            + environment.get("TASKQUEUE_DB_USER")
            + ":password="
            + environment.get("TASKQUEUE_DB_PASSWORD")
            + ":ApplicationName="
            + APPLICATION_NAME
            + " operators-pool\n"
            + "create-jdbc-resource --connectionpoolid=operators-pool jdbc/operators\n");
    Path driver = TestServices.postgresDriverJar();
    try (PayaraMicroProcess node =
        cluster.start(
            "operators-node",
            Map.of(
                "TASKQUEUE_WORKERS", "2",
                "TASKQUEUE_DATASOURCE", "jdbc/operators",
                "TASKQUEUE_DB_URL", "jdbc:postgresql://127.0.0.1:" + FreePort.find() + "/nowhere",
                "TASKQUEUE_DB_STATEMENT_TIMEOUT_SECONDS", "2",
                "TASKQUEUE_DB_SCHEMA", SCHEMA),
            FreePort.find(),
            List.of(
                "--addlibs", driver.toString(), "--postbootcommandfile", commands.toString()))) {
      await()
          .atMost(120, SECONDS)
          .until(() -> send(node, "GET", "/health/ready", null).statusCode() == 200);

      HttpResponse<String> submitted =
          send(
              node,
              "POST",
              "/api/jobs",
              "{\"type\":\"sleep\",\"payload\":{\"ms\":10,\"note\":\"é\"}}");
      assertEquals(201, submitted.statusCode(), submitted.body());
      String done = json(submitted).getString("id");
      HttpResponse<String> batch =
          send(
              node,
              "POST",
              "/api/jobs/batch",
              "[{\"type\":\"noop\",\"payload\":{\"n\":1}},{\"type\":\"noop\",\"payload\":{\"n\":2}}]");
      assertEquals(201, batch.statusCode(), batch.body());
      await()
          .atMost(60, SECONDS)
          .until(
              () ->
                  json(send(node, "GET", "/api/jobs/" + done, null))
                      .getString("status")
                      .equals("completed"));
      assertEquals(
          "é",
          json(send(node, "GET", "/api/jobs/" + done, null))
              .getJsonObject("payload")
              .getString("note"));
      assertTrue(
          cluster.count(
                  "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                      + APPLICATION_NAME
                      + "'")
              > 0,
          "the node's connections are the operators' pool's");

      // Every family of tables, each through its own statements: a workflow (dependencies,
      // releases, the trigger that counts down), a schedule firing, a key (and its audit entry),
      // statistics, retention settings.
      assertEquals(
          201,
          send(
                  node,
                  "POST",
                  "/api/workflows",
                  "{\"jobs\":[{\"key\":\"a\",\"type\":\"noop\"},"
                      + "{\"key\":\"b\",\"type\":\"noop\",\"parents\":[\"a\"]}]}")
              .statusCode());
      assertEquals(
          201,
          send(
                  node,
                  "POST",
                  "/api/schedules",
                  "{\"name\":\"every-second\",\"cron\":\"* * * * * ?\",\"job\":{\"type\":\"noop\"}}")
              .statusCode());
      assertEquals(
          201,
          send(node, "POST", "/api/keys", "{\"name\":\"ops\",\"roles\":[\"viewer\"]}")
              .statusCode());
      await()
          .atMost(60, SECONDS)
          .until(
              () ->
                  cluster.count(
                          "SELECT count(*) FROM "
                              + SCHEMA
                              + ".jobs WHERE status = 'COMPLETED' AND (workflow_id IS NOT NULL"
                              + " OR submitted_by LIKE 'schedule:%')")
                      >= 3);
      assertEquals(200, send(node, "GET", "/api/stats", null).statusCode());
      assertEquals(200, send(node, "GET", "/api/retention", null).statusCode());
      assertEquals(
          0,
          cluster.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
          "nothing of taskqueue's in the default schema");
      assertTrue(
          cluster.count("SELECT count(*) FROM " + SCHEMA + ".audit_log WHERE action LIKE '%key%'")
              > 0,
          "the key's creation is audited in taskqueue's schema");

      // A job whose row another transaction holds: cancelling it waits for the lock, and the
      // node's bound (2 s here) ends the wait with a temporary outage, not a hung request.
      HttpResponse<String> later =
          send(node, "POST", "/api/jobs", "{\"type\":\"noop\",\"delayMs\":3600000}");
      String held = json(later).getString("id");
      try (Connection holder = cluster.database()) {
        holder.setAutoCommit(false);
        try (PreparedStatement lock =
            holder.prepareStatement("SELECT 1 FROM " + SCHEMA + ".jobs WHERE id = ? FOR UPDATE")) {
          lock.setObject(1, UUID.fromString(held));
          lock.executeQuery();
        }
        long started = System.nanoTime();
        HttpResponse<String> waited = send(node, "POST", "/api/jobs/" + held + "/cancel", null);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertEquals(503, waited.statusCode(), waited.body());
        assertTrue(seconds < 15, "answered after " + seconds + " s");
        holder.rollback();
      }
      HttpResponse<String> cancelled = send(node, "POST", "/api/jobs/" + held + "/cancel", null);
      assertEquals(200, cancelled.statusCode(), cancelled.body());
    }
  }

  private static JsonObject json(HttpResponse<String> reply) {
    return Json.createReader(new StringReader(reply.body())).readObject();
  }

  private static HttpResponse<String> send(
      PayaraMicroProcess node, String method, String path, String body) throws Exception {
    return FaultCluster.request(node, method, path, Api.ADMIN_KEY, body);
  }
}
