package io.taskqueue.faults;

import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.launcher.control.PayaraMicroProcess;
import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import io.taskqueue.store.control.RedisKeys;
import io.taskqueue.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * taskqueue nodes for fault tests, each a Payara Micro JVM of its own (started the way the local
 * launcher starts them: loopback only, no clustering) on this JVM's PostgreSQL and Redis.
 */
final class FaultCluster {

  static final Duration BOOT = Duration.ofSeconds(240);

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final List<String> JVM_OPTIONS = List.of("-Xmx320m", "-XX:TieredStopAtLevel=1");

  private final String name;
  private final ServiceEndpoints endpoints;
  private final Path workDirectory;

  /** A cluster with a database and a Redis key prefix of its own, named {@code name}. */
  FaultCluster(String name) {
    this(name, TestServices.endpoints());
  }

  FaultCluster(String name, ServiceEndpoints server) {
    this.name = name;
    try (Connection db =
        DriverManager.getConnection(server.dbUrl(), server.dbUser(), server.dbPassword())) {
      db.createStatement().execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    this.endpoints =
        new ServiceEndpoints(
            server.dbUrl().substring(0, server.dbUrl().lastIndexOf('/') + 1) + name,
            server.dbUser(),
            server.dbPassword(),
            server.redisUrl());
    try {
      workDirectory = Files.createTempDirectory("taskqueue-faults");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a node and waits for its API; {@code settings} are extra environment variables. */
  PayaraMicroProcess start(String nodeName, Map<String, String> settings)
      throws InterruptedException {
    return start(nodeName, settings, FreePort.find());
  }

  /** Starts a node on {@code httpPort}: the port of a node that was stopped, for a restart. */
  PayaraMicroProcess start(String nodeName, Map<String, String> settings, int httpPort)
      throws InterruptedException {
    return start(nodeName, settings, httpPort, List.of());
  }

  /** Starts a node with {@code microOptions} besides the usual ones, and waits for its API. */
  PayaraMicroProcess start(
      String nodeName, Map<String, String> settings, int httpPort, List<String> microOptions)
      throws InterruptedException {
    return start(
        nodeName, settings, httpPort, microOptions, Path.of(System.getProperty("taskqueue.war")));
  }

  /** Starts a node that deploys {@code war} (taskqueue's with classes of a test's own added). */
  PayaraMicroProcess start(
      String nodeName,
      Map<String, String> settings,
      int httpPort,
      List<String> microOptions,
      Path war)
      throws InterruptedException {
    PayaraMicroProcess node =
        PayaraMicroProcess.start(
            Path.of(System.getProperty("taskqueue.micro-jar")),
            war,
            httpPort,
            workDirectory.resolve(nodeName + "-" + System.nanoTime()),
            environment(endpoints, name, nodeName, settings),
            JVM_OPTIONS,
            microOptions);
    if (!node.awaitApi(BOOT)) {
      node.kill();
      throw new IllegalStateException(
          "node " + nodeName + " did not boot; logs in " + workDirectory);
    }
    return node;
  }

  /**
   * Starts a node on {@code endpoints} with Redis keys under {@code prefix}, without waiting for
   * it: for a node that boots while its stores are away.
   */
  static PayaraMicroProcess launch(
      ServiceEndpoints endpoints,
      String prefix,
      Path workDirectory,
      String nodeName,
      Map<String, String> settings,
      int httpPort) {
    return PayaraMicroProcess.start(
        Path.of(System.getProperty("taskqueue.micro-jar")),
        Path.of(System.getProperty("taskqueue.war")),
        httpPort,
        workDirectory.resolve(nodeName + "-" + System.nanoTime()),
        environment(endpoints, prefix, nodeName, settings),
        JVM_OPTIONS);
  }

  /** The environment a node of this cluster named {@code nodeName} runs with. */
  Map<String, String> environment(String nodeName, Map<String, String> settings) {
    return environment(endpoints, name, nodeName, settings);
  }

  private static Map<String, String> environment(
      ServiceEndpoints endpoints, String prefix, String nodeName, Map<String, String> settings) {
    Map<String, String> env = new HashMap<>(endpoints.asEnvironment());
    env.put("TASKQUEUE_NODE_NAME", nodeName);
    env.put("TASKQUEUE_REDIS_PREFIX", prefix);
    env.put("TASKQUEUE_ADMIN_KEY", Api.ADMIN_KEY);
    env.put("TASKQUEUE_HANDLERS_DIAGNOSTIC_ENABLED", "true");
    // Fault tests submit up to 10,000 jobs at once with one key; the limit has unit tests.
    env.put("TASKQUEUE_API_SUBMIT_RATE", "0");
    env.putAll(settings);
    return env;
  }

  /**
   * Sends {@code method path} (with a JSON {@code body}, or none) to {@code node}, signed in with
   * {@code key} when there is one.
   */
  static HttpResponse<String> request(
      PayaraMicroProcess node, String method, String path, String key, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code settings} plus {@code TASKQUEUE_WORKERS}. */
  static Map<String, String> withWorkers(Map<String, String> settings, String workers) {
    Map<String, String> all = new HashMap<>(settings);
    all.put("TASKQUEUE_WORKERS", workers);
    return all;
  }

  RedisKeys keys() {
    return new RedisKeys(name);
  }

  String redisUrl() {
    return endpoints.redisUrl();
  }

  Connection database() throws SQLException {
    return DriverManager.getConnection(
        endpoints.dbUrl(), endpoints.dbUser(), endpoints.dbPassword());
  }

  /** Runs a {@code SELECT count(*) ...} or any query whose first column is a number. */
  long count(String sql) throws SQLException {
    try (Connection db = database();
        ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Jobs completed more than once, by the attempt history: must always be 0. */
  long doubleCompletions() throws SQLException {
    return count(
        "SELECT count(*) FROM (SELECT job_id FROM job_attempts WHERE outcome = 'COMPLETED'"
            + " GROUP BY job_id HAVING count(*) > 1) d");
  }

  /** Submits {@code jobs} copies of {@code job} (JSON) in batches of 1,000 through a node's API. */
  static void submit(int port, String job, int jobs) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int done = 0; done < jobs; done += 1_000) {
      String batch =
          Collections.nCopies(Math.min(1_000, jobs - done), job).stream()
              .collect(Collectors.joining(",", "[", "]"));
      HttpResponse<String> reply =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/jobs/batch"))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + Api.ADMIN_KEY)
                  .POST(HttpRequest.BodyPublishers.ofString(batch))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (reply.statusCode() != 201) {
        throw new IllegalStateException(
            "submit failed: " + reply.statusCode() + " " + reply.body());
      }
    }
  }

  /**
   * Submits {@code workflows} workflows of three jobs each through a node's API: two parents that
   * run {@code parent} (JSON fields of a job) and a child that waits for both and runs {@code
   * child}.
   */
  static void submitWorkflows(int port, String parent, String child, int workflows)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String body =
        "{\"jobs\":[{\"key\":\"a\","
            + parent
            + "},{\"key\":\"b\","
            + parent
            + "},"
            + "{\"key\":\"c\","
            + child
            + ",\"parents\":[\"a\",\"b\"]}]}";
    for (int i = 0; i < workflows; i++) {
      HttpResponse<String> reply =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/workflows"))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + Api.ADMIN_KEY)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (reply.statusCode() != 201) {
        throw new IllegalStateException(
            "workflow refused: " + reply.statusCode() + " " + reply.body());
      }
    }
  }

  /**
   * Children that ran before a parent had completed (any attempt of theirs started before a
   * parent's finish), children still waiting, and releases left undone: all must be zero.
   */
  long dependencyViolations() throws SQLException {
    return count(
            "SELECT count(*) FROM job_dependencies d JOIN jobs p ON p.id = d.parent_id"
                + " JOIN job_attempts a ON a.job_id = d.job_id"
                + " WHERE p.finished_at IS NULL OR a.started_at < p.finished_at")
        + count("SELECT count(*) FROM jobs WHERE status = 'WAITING'")
        + count("SELECT count(*) FROM job_releases");
  }

  /** Waits until {@code jobs} jobs are completed. */
  void awaitCompleted(long jobs, Duration atMost) {
    org.awaitility.Awaitility.await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> count("SELECT count(*) FROM jobs WHERE status = 'COMPLETED'") == jobs);
  }

  /** What the attempt history says of a finished run. */
  record Outcome(long completions, long duplicates, long lostAttempts, long unfinished) {}

  Outcome outcome() throws SQLException {
    return new Outcome(
        count("SELECT count(*) FROM job_attempts WHERE outcome = 'COMPLETED'"),
        doubleCompletions(),
        count("SELECT count(*) FROM job_attempts WHERE outcome = 'LOST'"),
        count("SELECT count(*) FROM jobs WHERE status <> 'COMPLETED'"));
  }
}
