package io.taskqueue.example.orders;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.PayaraServerDomain;
import io.taskqueue.launcher.control.PayaraServerSettings;
import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import io.taskqueue.support.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shop's EAR on a full Payara Server 6 domain of its own (127.0.0.1 only, no data grid, no
 * phone home): taskqueue's engine is an EJB module, its REST API and console the web module at
 * {@code /}, and the shop's WAR at {@code /orders} (its API at {@code /orders/shop}) holds the
 * handler, which the engine finds across modules. Jobs come in over REST and from the shop's own
 * Java code, in its transactions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class OrdersEarIT {

  private static final String APPLICATION = "orders";

  /** taskqueue's schema here (the WAR's test, on the same database, uses another). */
  private static final String SCHEMA = "shop_jobs";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PayaraServerDomain domain;

  @BeforeAll
  void deployTheShopsEar() throws IOException {
    Path runs = Files.createDirectories(Path.of(System.getProperty("taskqueue.it.directory")));
    deleteEarlierRuns(runs);
    Path directory = Files.createTempDirectory(runs, "domain-");
    // As an operations team runs it: the shop and taskqueue on a pool of the server's own,
    // defined before the EAR deploys, and taskqueue's tables in a schema of their own.
    Map<String, String> settings = ShopServices.onOperatorsPool(SCHEMA);
    domain =
        PayaraServerDomain.create(
            Path.of(System.getProperty("taskqueue.payara-home")),
            directory,
            new PayaraServerSettings(settings, List.of("-Xmx512m")));
    installJdbcDriver(directory.resolve("domains/domain1/lib"));
    domain.start();
    for (List<String> command : ShopServices.operatorsPoolCommands()) {
      domain.asadmin(command.get(0), command.subList(1, command.size()).toArray(String[]::new));
    }
    domain.deploy(Path.of(System.getProperty("taskqueue.ear")), APPLICATION);
    await()
        .atMost(120, SECONDS)
        .ignoreExceptions()
        .until(() -> taskqueue("GET", "health/ready", null).body().contains("\"redis\":\"UP\""));
  }

  @AfterAll
  void stopTheDomain() {
    if (domain != null) {
      System.out.println("OrdersEarIT: server log " + domain.serverLog());
      domain.close();
    }
  }

  @Test
  @Order(1)
  void anOrderPlacedInTheShopsWarIsConfirmedByTheShopsHandler() {
    String email = unique("ann");
    JsonObject order = place(email, 0, false);

    JsonObject done = awaitJob(order, "completed");
    assertEquals(1, done.getInt("confirmationsSent"));
    assertEquals(email, done.getString("confirmedTo"));
    JsonObject job =
        json(taskqueue("GET", "api/jobs/" + order.getString("confirmationJob"), null).body());
    assertEquals("app", job.getString("submittedBy"), "recorded as submitted from Java");
    assertEquals(email, job.getJsonObject("result").getString("sentTo"));
  }

  @Test
  @Order(2)
  void aJobOfTheShopsTypeSubmittedOverRestRunsInTheShopsHandler() {
    JsonObject order = place(unique("bo"), 0, false);
    awaitJob(order, "completed");
    String payload =
        "{\"orderId\":" + order.getInt("id") + ",\"email\":\"rest@example.com\",\"total\":1}";

    HttpResponse<String> created =
        taskqueue(
            "POST", "api/jobs", "{\"type\":\"order.confirmation\",\"payload\":" + payload + "}");

    assertEquals(201, created.statusCode(), created.body());
    String id = json(created.body()).getString("id");
    await()
        .atMost(30, SECONDS)
        .until(
            () ->
                json(taskqueue("GET", "api/jobs/" + id, null).body())
                    .getString("status")
                    .equals("completed"));
    JsonObject job = json(taskqueue("GET", "api/jobs/" + id, null).body());
    assertEquals("rest@example.com", job.getJsonObject("result").getString("sentTo"));
    assertEquals("high", job.getString("priority"), "the defaults of the WAR module's handler");
    assertEquals(3, job.getInt("maxAttempts"));
  }

  @Test
  @Order(3)
  void aFailureAfterSavingLeavesNoOrderNoPointsAndNoJob() {
    String email = unique("cy");
    HttpResponse<String> failed = shop("POST", "orders", order(email, 10, true));

    assertEquals(409, failed.statusCode(), failed.body());
    String job = json(failed.body()).getString("job");
    assertEquals("[0,0]", shop("GET", "orders/count/" + email, null).body().replace(" ", ""));
    assertEquals(404, taskqueue("GET", "api/jobs/" + job, null).statusCode());
    assertEquals(List.of(), RedisTraces.of(job));
  }

  @Test
  @Order(3)
  void theOrderAndItsJobShareTheOperatorsPoolEachInItsOwnSchema() throws SQLException {
    JsonObject order = place(unique("eve"), 0, false);
    ServiceEndpoints db = TestServices.endpoints();
    try (Connection c = DriverManager.getConnection(db.dbUrl(), db.dbUser(), db.dbPassword());
        PreparedStatement job =
            c.prepareStatement("SELECT count(*) FROM " + SCHEMA + ".jobs WHERE id = ?");
        PreparedStatement shopOrder =
            c.prepareStatement("SELECT count(*) FROM public.shop_orders WHERE id = ?")) {
      job.setObject(1, UUID.fromString(order.getString("confirmationJob")));
      shopOrder.setLong(1, order.getInt("id"));
      assertEquals(1, count(job), "the job, in taskqueue's schema");
      assertEquals(1, count(shopOrder), "the order, in the shop's");
    }
  }

  private static long count(PreparedStatement query) throws SQLException {
    try (ResultSet r = query.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  @Order(4)
  void loyaltyPointsInAnotherDatabaseCommitWithTheOrder() {
    String email = unique("dee");
    JsonObject order = place(email, 30, false);

    assertEquals(30, order.getInt("loyaltyPoints"));
    assertEquals("[1,1]", shop("GET", "orders/count/" + email, null).body().replace(" ", ""));
  }

  @Test
  @Order(5)
  void aConfirmationThatKeepsFailingIsRetriedThenDeadWithItsError() {
    JsonObject dead = awaitJob(place(unique("eve") + ".unreachable.example", 0, false), "dead");

    assertEquals(3, dead.getInt("jobAttempts"));
    assertTrue(dead.getString("jobError").contains("refused the confirmation"), dead.toString());

    // The shop's listener, a session bean in the shop's WAR, hears JobDead and flags the order.
    String path = "orders/" + dead.getInt("id");
    await()
        .atMost(30, SECONDS)
        .until(() -> json(shop("GET", path, null).body()).containsKey("confirmationFailedAt"));
  }

  @Test
  @Order(6)
  void metricsCountTheShopsJobsAndTheConsoleIsServed() {
    await()
        .atMost(10, SECONDS)
        .untilAsserted(
            () ->
                assertTrue(
                    taskqueue("GET", "metrics", null)
                        .body()
                        .lines()
                        .anyMatch(
                            line ->
                                line.startsWith("taskqueue_jobs_completed_total{")
                                    && line.contains("type=\"order.confirmation\""))));
    HttpResponse<String> console = taskqueue("GET", "", null);
    assertEquals(200, console.statusCode());
    assertTrue(console.body().contains("<title>taskqueue</title>"));
  }

  @Test
  @Order(7)
  void theShopSignsInItsOwnUsersAndNobodyElse() {
    HttpResponse<String> anonymous =
        send(
            HttpRequest.newBuilder(
                    domain.baseUri().resolve("orders/shop/orders/count/x@example.com"))
                .GET());
    assertEquals(401, anonymous.statusCode());
  }

  @Test
  @Order(8)
  void undeployingTakesTheShopAndTaskqueueAway() throws IOException {
    domain.undeploy(APPLICATION);

    assertEquals(404, shop("GET", "orders/count/x@example.com", null).statusCode());
    assertEquals(404, taskqueue("GET", "api/me", null).statusCode());
    assertFalse(domain.asadmin("list-applications").contains(APPLICATION));
  }

  // --- helpers

  private JsonObject place(String email, int points, boolean fail) {
    HttpResponse<String> placed = shop("POST", "orders", order(email, points, fail));
    assertEquals(201, placed.statusCode(), placed.body());
    return json(placed.body());
  }

  private JsonObject awaitJob(JsonObject order, String state) {
    String path = "orders/" + order.getInt("id");
    await()
        .atMost(30, SECONDS)
        .until(() -> state.equals(json(shop("GET", path, null).body()).getString("jobState", "")));
    return json(shop("GET", path, null).body());
  }

  private static String order(String email, int points, boolean fail) {
    return "{\"email\":\""
        + email
        + "\",\"total\":12.50,\"points\":"
        + points
        + ",\"failAfterSaving\":"
        + fail
        + "}";
  }

  /** The shop's API, signed in as its configured user (HTTP Basic). */
  private HttpResponse<String> shop(String method, String path, String body) {
    String login = ShopServices.SHOP_USER + ":" + ShopServices.SHOP_PASSWORD;
    return call(
        method,
        "orders/shop/" + path,
        body,
        "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
  }

  /** taskqueue's own API and pages, with its admin key. */
  private HttpResponse<String> taskqueue(String method, String path, String body) {
    return call(method, path, body, "Bearer " + Api.ADMIN_KEY);
  }

  private HttpResponse<String> call(String method, String path, String body, String auth) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(domain.baseUri().resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    return send(request);
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

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  /**
   * What {@code asadmin add-library} does, before the first start: Payara Server creates the shop's
   * connection pools while it deploys the EAR, before the EAR's own {@code lib/} is visible to
   * them, so the PostgreSQL driver must be the server's too.
   */
  private static void installJdbcDriver(Path domainLib) throws IOException {
    Path driver = TestServices.postgresDriverJar();
    Files.createDirectories(domainLib);
    Files.copy(driver, domainLib.resolve(driver.getFileName()));
  }

  /** A run leaves its domain for diagnosis; the next run removes it. */
  private static void deleteEarlierRuns(Path runs) throws IOException {
    try (Stream<Path> files = Files.walk(runs)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!file.equals(runs)) {
          Files.delete(file);
        }
      }
    }
  }
}
