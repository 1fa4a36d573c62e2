package io.taskqueue.deployment;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.EmbeddedPostgresServer;
import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.launcher.control.ListeningSockets;
import io.taskqueue.launcher.control.PayaraServerDomain;
import io.taskqueue.launcher.control.PayaraServerSettings;
import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The EAR the build made, deployed as a user deploys it: to a full Payara Server 6 domain of its
 * own (127.0.0.1 only, no data grid, no phone home), configured by system properties, on real
 * PostgreSQL and Redis, and driven over HTTP like any client. It is deployed while its PostgreSQL
 * is not running yet (as after a power cut, when the application server boots first): the
 * deployment must succeed, the API answer 503 meanwhile, and the application come up by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class PayaraServerEarIT {

  /** The domain's {@code taskqueue.admin.key}: a test fixture, not a secret. */
  private static final String ADMIN_KEY = "tq_payara-server-it-admin-key";

  private static final String APPLICATION = "taskqueue";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** How long PostgreSQL stays away after the deployment: several tries of the start-up backoff. */
  private static final Duration OUTAGE = Duration.ofSeconds(10);

  private final Map<String, Duration> timings = new LinkedHashMap<>();
  private PayaraServerDomain domain;
  private Path postgresData;
  private int postgresPort;
  private EmbeddedPostgresServer postgres;

  @BeforeAll
  void deployTheEarToADomainOfItsOwn() throws IOException {
    Path runs = Files.createDirectories(Path.of(System.getProperty("taskqueue.it.directory")));
    deleteEarlierRuns(runs);
    postgresData = Files.createTempDirectory(runs, "postgres-");
    postgresPort = FreePort.find();
    Map<String, String> configuration =
        new HashMap<>(
            new ServiceEndpoints(
                    "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres",
                    "postgres",
                    "postgres",
                    TestServices.endpoints().redisUrl())
                .asSystemProperties());
    configuration.put("taskqueue.admin.key", ADMIN_KEY);
    Path home = Path.of(System.getProperty("taskqueue.payara-home"));
    Path directory = Files.createTempDirectory(runs, "domain-");
    PayaraServerSettings settings = new PayaraServerSettings(configuration, List.of("-Xmx512m"));

    domain = timed("create domain", () -> PayaraServerDomain.create(home, directory, settings));
    time("start domain", domain::start);
    time(
        "deploy EAR (PostgreSQL down)",
        () -> domain.deploy(Path.of(System.getProperty("taskqueue.ear")), APPLICATION));
  }

  @AfterAll
  void stopTheDomain() throws IOException {
    if (domain != null) {
      time("stop domain", domain::close);
      System.out.println("PayaraServerEarIT: asadmin log " + domain.log());
      System.out.println("PayaraServerEarIT: server log " + domain.serverLog());
    }
    if (postgres != null) {
      postgres.close();
    }
    StringBuilder report = new StringBuilder("PayaraServerEarIT timings:");
    timings.forEach(
        (step, took) -> report.append(String.format(" %s %.1f s;", step, took.toMillis() / 1e3)));
    System.out.println(report);
  }

  @Test
  @Order(1)
  void deployedWhilePostgresIsDownItAnswers503ThenComesUpByItselfWhenPostgresStarts()
      throws IOException {
    await()
        .atMost(60, SECONDS)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> get("health/started").body().contains("schema migration: "));
    // PostgreSQL stays away this long; every second the API says so (never 404 or 500) and the
    // start-up check says what the application waits for.
    await()
        .during(OUTAGE)
        .atMost(OUTAGE.plusSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                answersUnavailable(get("api/me"))
                    && get("health/started").body().contains("schema migration: "));

    postgres = EmbeddedPostgresServer.start(postgresData, postgresPort, false);

    time(
        "ready after PostgreSQL started",
        () ->
            await()
                .atMost(120, SECONDS)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(
                    () ->
                        get("health/ready").statusCode() == 200
                            && get("health/started").statusCode() == 200));
  }

  @Test
  @Order(2)
  void readinessIsUpWithPostgresAndRedisReachable() {
    JsonObject ready = json(get("health/ready"));

    assertEquals("UP", ready.getString("status"), ready.toString());
    JsonObject data = ready.getJsonArray("checks").getJsonObject(0).getJsonObject("data");
    assertEquals("UP", data.getString("postgres"), ready.toString());
    assertEquals("UP", data.getString("redis"), ready.toString());
  }

  @Test
  @Order(3)
  void anEchoJobSubmittedWithTheAdminKeyCompletesWithItsPayloadAsResult() {
    HttpResponse<String> created =
        send(
            request("api/jobs")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"echo\",\"payload\":{\"to\":\"ada\",\"n\":[1,2]}}")));

    assertEquals(201, created.statusCode(), created.body());
    String id = json(created).getString("id");
    await()
        .atMost(30, SECONDS)
        .until(() -> json(get("api/jobs/" + id)).getString("status").equals("completed"));
    JsonObject done = json(get("api/jobs/" + id));
    assertEquals(done.getJsonObject("payload"), done.getJsonObject("result"), done.toString());
    assertEquals("ada", done.getJsonObject("result").getString("to"));
  }

  @Test
  @Order(4)
  void metricsArePrometheusTextThatCountTheJob() {
    await()
        .atMost(10, SECONDS)
        .untilAsserted(
            () -> {
              HttpResponse<String> metrics = get("metrics");

              assertEquals(200, metrics.statusCode());
              assertTrue(
                  metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                  metrics.headers().toString());
              assertTrue(
                  metrics.body().contains("# TYPE taskqueue_jobs_completed_total counter"),
                  metrics.body());
              assertTrue(
                  metrics
                      .body()
                      .lines()
                      .anyMatch(
                          line ->
                              line.startsWith("taskqueue_jobs_completed_total{")
                                  && line.contains("type=\"echo\"")),
                  metrics.body());
            });
  }

  @Test
  @Order(5)
  void theConsoleIsServedAtTheRoot() {
    HttpResponse<String> console = get("");

    assertEquals(200, console.statusCode());
    assertTrue(console.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(console.body().contains("<title>taskqueue</title>"), console.body());
  }

  @Test
  @Order(6)
  void theServerListensOnLoopbackOnly() throws IOException {
    List<ListeningSockets.Socket> sockets = domain.listeningSockets();

    assertTrue(
        sockets.stream().anyMatch(s -> s.port() == domain.baseUri().getPort()), sockets.toString());
    assertTrue(sockets.stream().anyMatch(s -> s.port() == domain.adminPort()), sockets.toString());
    assertTrue(sockets.stream().allMatch(ListeningSockets.Socket::isLoopback), sockets.toString());
    System.out.println("PayaraServerEarIT: the server listens on " + sockets);
  }

  @Test
  @Order(7)
  void theServerNeitherPhonesHomeNorRunsADataGrid() throws IOException {
    assertTrue(domain.asadmin("list-phone-home").contains("Phone Home Service is disabled"));
    assertTrue(
        domain
            .asadmin("get-hazelcast-configuration")
            .lines()
            .anyMatch(line -> line.matches("Enabled\\s+false\\s+Config\\s*")),
        "data grid enabled");
  }

  @Test
  @Order(8)
  void undeployingTakesTheApplicationAway() throws IOException {
    time("undeploy", () -> domain.undeploy(APPLICATION));

    assertEquals(404, get("api/me").statusCode());
    assertFalse(get("").body().contains("<title>taskqueue</title>"), "the console is gone");
    assertFalse(domain.asadmin("list-applications").contains(APPLICATION));
  }

  // --- helpers

  private static boolean answersUnavailable(HttpResponse<String> reply) {
    return reply.statusCode() == 503
        && "5".equals(reply.headers().firstValue("Retry-After").orElse(null))
        && reply.body().contains("\"status\":503");
  }

  /** A run leaves its domain (about 80 MB) for diagnosis; the next run removes it. */
  private static void deleteEarlierRuns(Path runs) throws IOException {
    try (Stream<Path> files = Files.walk(runs)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!file.equals(runs)) {
          Files.delete(file);
        }
      }
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(domain.baseUri().resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + ADMIN_KEY);
  }

  private HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private interface Step<T> {
    T run() throws IOException;
  }

  private interface Action {
    void run() throws IOException;
  }

  private <T> T timed(String step, Step<T> work) throws IOException {
    long begin = System.nanoTime();
    try {
      return work.run();
    } finally {
      timings.put(step, Duration.ofNanos(System.nanoTime() - begin));
    }
  }

  private void time(String step, Action work) throws IOException {
    timed(
        step,
        () -> {
          work.run();
          return null;
        });
  }
}
