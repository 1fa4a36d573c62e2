package io.taskqueue.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.Directories;
import io.taskqueue.launcher.control.EmbeddedPostgresServer;
import io.taskqueue.launcher.control.EmbeddedRedisServer;
import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.launcher.control.PayaraMicroProcess;
import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import io.taskqueue.schema.control.SchemaMigrations;
import io.taskqueue.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A node started while PostgreSQL or Redis is down deploys anyway, says what it waits for, answers
 * the API with 503 and {@code Retry-After} (never 404 or 500 once deployed), and becomes ready and
 * runs jobs by itself when the store starts, without a restart.
 */
class StartDuringOutageFaultIT {

  /** How long the store stays away after the node deployed: several tries of the backoff. */
  private static final Duration OUTAGE = Duration.ofSeconds(15);

  private static final Duration READY = Duration.ofSeconds(120);
  private static final String JOB = "{\"type\":\"noop\",\"payload\":{}}";
  private static final int JOBS = 50;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void aNodeStartedWhilePostgresIsDownComesUpByItselfWhenPostgresStarts() throws Exception {
    Path data = Files.createTempDirectory("taskqueue-late-postgres");
    int pgPort = FreePort.find();
    ServiceEndpoints endpoints =
        new ServiceEndpoints(
            "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
            "postgres",
            "postgres",
            TestServices.endpoints().redisUrl());
    PayaraMicroProcess node =
        FaultCluster.launch(
            endpoints, "late_postgres", data, "late-postgres-node", workers(), FreePort.find());
    EmbeddedPostgresServer postgres = null;
    try {
      awaitDeployedThenWatch(node, "schema migration: ");

      postgres = EmbeddedPostgresServer.start(data.resolve("pg"), pgPort, false);

      await().atMost(READY).pollInterval(Duration.ofMillis(500)).until(() -> ready(node));
      runsJobs(node, endpoints);
      System.out.println("FAULT start without postgres: deployed, 503 while waiting, ready after");
    } finally {
      node.close();
      if (postgres != null) {
        postgres.close();
      }
      Directories.deleteRecursively(data);
    }
  }

  @Test
  void aNodeStartedWhileRedisIsDownComesUpByItselfWhenRedisStarts() throws Exception {
    Path data = Files.createTempDirectory("taskqueue-late-redis");
    int redisPort = FreePort.find();
    String database = "late_redis";
    ServiceEndpoints endpoints = newDatabase(database, "redis://127.0.0.1:" + redisPort);
    PayaraMicroProcess node =
        FaultCluster.launch(
            endpoints, database, data, "late-redis-node", workers(), FreePort.find());
    EmbeddedRedisServer redis = null;
    try {
      await()
          .atMost(FaultCluster.BOOT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> body(node, "/health/ready").contains("\"redis\":\"DOWN"));
      // Redis stays away this long, and the node says so all along.
      await()
          .during(OUTAGE)
          .atMost(OUTAGE.plusSeconds(30))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> body(node, "/health/ready").contains("\"redis\":\"DOWN"));

      redis = EmbeddedRedisServer.start(data.resolve("redis"), redisPort, false);

      await().atMost(READY).pollInterval(Duration.ofMillis(500)).until(() -> ready(node));
      runsJobs(node, endpoints);
      System.out.println(
          "FAULT start without redis: deployed, not ready while waiting, ready after");
    } finally {
      node.close();
      if (redis != null) {
        redis.close();
      }
      Directories.deleteRecursively(data);
    }
  }

  @Test
  void aNodeThatMustNotMigrateWaitsForTheOperatorsToMigrateThenStartsByItself() throws Exception {
    Path data = Files.createTempDirectory("taskqueue-no-migrate");
    String database = "no_migrate";
    ServiceEndpoints endpoints = newDatabase(database, TestServices.endpoints().redisUrl());
    PayaraMicroProcess node =
        FaultCluster.launch(
            endpoints,
            database,
            data,
            "no-migrate-node",
            Map.of("TASKQUEUE_WORKERS", "2", "TASKQUEUE_DB_MIGRATE", "false"),
            FreePort.find());
    try {
      awaitDeployedThenWatch(node, "taskqueue.db.migrate=false");
      try (Connection db =
              DriverManager.getConnection(
                  endpoints.dbUrl(), endpoints.dbUser(), endpoints.dbPassword());
          ResultSet rs = db.createStatement().executeQuery("SELECT to_regclass('jobs') IS NULL")) {
        rs.next();
        assertTrue(rs.getBoolean(1), "the node created no table");
      }

      PGSimpleDataSource operators = new PGSimpleDataSource();
      operators.setUrl(endpoints.dbUrl());
      operators.setUser(endpoints.dbUser());
      operators.setPassword(endpoints.dbPassword());
      SchemaMigrations.migrate(operators);

      await().atMost(READY).pollInterval(Duration.ofMillis(500)).until(() -> ready(node));
      runsJobs(node, endpoints);
      System.out.println("FAULT no-migrate node: waited for the operators' migration, then ran");
    } finally {
      node.close();
      Directories.deleteRecursively(data);
    }
  }

  /** A new, empty database on the shared PostgreSQL, with {@code redisUrl}. */
  private static ServiceEndpoints newDatabase(String name, String redisUrl) throws Exception {
    ServiceEndpoints shared = TestServices.endpoints();
    try (Connection admin =
        DriverManager.getConnection(shared.dbUrl(), shared.dbUser(), shared.dbPassword())) {
      admin.createStatement().execute("CREATE DATABASE " + name);
    }
    return new ServiceEndpoints(
        shared.dbUrl().substring(0, shared.dbUrl().lastIndexOf('/') + 1) + name,
        shared.dbUser(),
        shared.dbPassword(),
        redisUrl);
  }

  private static Map<String, String> workers() {
    return Map.of("TASKQUEUE_WORKERS", "2");
  }

  /**
   * Waits until the node's start-up check says it waits for {@code reason}, then keeps the store
   * away for {@link #OUTAGE}, checking every second that the API answers 503 with {@code
   * Retry-After} (never 404 or 500) and that the check still says why.
   */
  private void awaitDeployedThenWatch(PayaraMicroProcess node, String reason) throws Exception {
    await()
        .atMost(FaultCluster.BOOT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> body(node, "/health/started").contains(reason));
    assertEquals(503, send(node, "/health/ready").statusCode());
    await()
        .during(OUTAGE)
        .atMost(OUTAGE.plusSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> answersUnavailable(node) && body(node, "/health/started").contains(reason));
  }

  private boolean answersUnavailable(PayaraMicroProcess node) throws Exception {
    HttpResponse<String> reply = send(node, "/api/me");
    return reply.statusCode() == 503
        && "5".equals(reply.headers().firstValue("Retry-After").orElse(null))
        && reply.body().contains("\"status\":503");
  }

  private void runsJobs(PayaraMicroProcess node, ServiceEndpoints endpoints) throws Exception {
    FaultCluster.submit(node.httpPort(), JOB, JOBS);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> completed(endpoints) == JOBS);
    // Reads through the persistence unit too, which deployed while the database was away.
    HttpResponse<String> listed = send(node, "/api/jobs?status=completed&limit=5");
    assertEquals(200, listed.statusCode(), listed.body());
    assertTrue(listed.body().contains("\"noop\""), listed.body());
  }

  private static long completed(ServiceEndpoints endpoints) throws Exception {
    try (Connection db =
            DriverManager.getConnection(
                endpoints.dbUrl(), endpoints.dbUser(), endpoints.dbPassword());
        ResultSet rs =
            db.createStatement()
                .executeQuery("SELECT count(*) FROM jobs WHERE status = 'COMPLETED'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private boolean ready(PayaraMicroProcess node) {
    try {
      return send(node, "/health/ready").statusCode() == 200
          && send(node, "/health/started").statusCode() == 200;
    } catch (Exception notYet) {
      return false;
    }
  }

  /** The answer's body; what failed instead when nothing answered. */
  private String body(PayaraMicroProcess node, String path) {
    try {
      return send(node, path).body();
    } catch (Exception notYet) {
      return "(no answer: " + notYet + ")";
    }
  }

  private HttpResponse<String> send(PayaraMicroProcess node, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
            .header("Authorization", "Bearer " + Api.ADMIN_KEY)
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
