package io.taskqueue.example.orders;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import io.taskqueue.support.Api;
import io.taskqueue.support.Api.Reply;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shop as one WAR on Payara Micro, taskqueue laid over it, both on a pool the operators define
 * in the server and taskqueue in a schema of its own (and, in a second run, both on taskqueue's
 * built-in pool in the default schema): an order and its confirmation job commit together or not at
 * all, and the shop's own handler runs the job, retried, then dead. The shop keeps its own REST
 * application ({@code /shop}), sign-in (HTTP Basic), error answers and headers; taskqueue's apply
 * to its own paths only.
 */
@ExtendWith({ShopServices.class, ArquillianExtension.class})
class OrdersWarIT {

  @Deployment(testable = false)
  static WebArchive shop() {
    return ShrinkWrap.create(ZipImporter.class, "orders.war")
        .importFrom(new File(System.getProperty("taskqueue.war")))
        .as(WebArchive.class);
  }

  @ArquillianResource URL deployment;
  Api api;
  Api shop;

  @BeforeEach
  void client() {
    api = new Api(deployment);
    String login = ShopServices.SHOP_USER + ":" + ShopServices.SHOP_PASSWORD;
    shop =
        api.authorizedBy(
            "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
    await().atMost(60, SECONDS).until(() -> api.get("api/queues").status() == 200);
  }

  @Test
  void aPlacedOrderIsConfirmedOnceWithItsOwnPayloadByTheShopsHandler() {
    String email = unique("ann");
    JsonObject order = place(email, "42.50", 0, false);

    JsonObject done = awaitJob(order, "completed");
    assertEquals(1, done.getInt("confirmationsSent"));
    assertEquals(email, done.getString("confirmedTo"));
    assertEquals(0, done.getJsonNumber("confirmedTotal").bigDecimalValue().compareTo(bd("42.50")));
    JsonObject job = api.get("api/jobs/" + order.getString("confirmationJob")).json();
    assertEquals("order.confirmation", job.getString("type"));
    assertEquals(email, job.getJsonObject("payload").getString("email"));
    assertEquals(order.getInt("id"), job.getJsonObject("payload").getInt("orderId"));
    assertEquals(email, job.getJsonObject("result").getString("sentTo"));
    assertEquals(1, job.getInt("attempt"), "ran once");
    assertEquals("app", job.getString("submittedBy"), "recorded as submitted from Java");
    assertEquals("high", job.getString("priority"), "the handler's default");
    assertEquals(3, job.getInt("maxAttempts"), "the handler's default");
  }

  @Test
  void aPayloadThatDoesNotMapToTheHandlersTypeFailsAtOnceWithTheHandlersDefaults() {
    Reply created =
        api.post("api/jobs", "{\"type\":\"order.confirmation\",\"payload\":{\"orderId\":\"x\"}}");
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");

    await()
        .atMost(60, SECONDS)
        .until(() -> api.get("api/jobs/" + id).json().getString("status").equals("dead"));
    JsonObject job = api.get("api/jobs/" + id).json();
    assertEquals(1, job.getInt("attempt"), "not retried: the same payload cannot map next time");
    assertTrue(job.getString("lastError").contains("does not map to"), job.toString());
    assertEquals("high", job.getString("priority"), "the handler's default over REST too");
    assertEquals(3, job.getInt("maxAttempts"));
  }

  @Test
  void aFailureAfterSavingLeavesNoOrderNoPointsNoJobAndNothingInRedis() {
    String email = unique("bob");
    Reply failed = shop.post("shop/orders", order(email, "10.00", 25, true));

    assertEquals(409, failed.status(), failed.body());
    String job = failed.json().getString("job");
    assertEquals("[0,0]", shop.get("shop/orders/count/" + email).body().replace(" ", ""));
    assertEquals(404, api.get("api/jobs/" + job).status());
    assertEquals(List.of(), RedisTraces.of(job));
  }

  @Test
  void loyaltyPointsInAnotherDatabaseCommitWithTheOrderAndItsJob() {
    String email = unique("cy");
    JsonObject order = place(email, "99.00", 25, false);

    assertEquals(25, order.getInt("loyaltyPoints"));
    assertEquals("[1,1]", shop.get("shop/orders/count/" + email).body().replace(" ", ""));
    assertEquals(1, awaitJob(order, "completed").getInt("confirmationsSent"));
  }

  @Test
  void aConfirmationThatKeepsFailingIsRetriedThenDeadWithItsError() {
    JsonObject order = place(unique("dee") + ".unreachable.example", "5.00", 0, false);

    JsonObject dead = awaitJob(order, "dead");
    assertEquals(3, dead.getInt("jobAttempts"));
    assertTrue(dead.getString("jobError").contains("refused the confirmation"), dead.toString());
    assertEquals(0, dead.getInt("confirmationsSent"));

    // The shop's listener hears JobDead and flags the order.
    String path = "shop/orders/" + order.getInt("id");
    await()
        .atMost(30, SECONDS)
        .until(() -> shop.get(path).json().containsKey("confirmationFailedAt"));
  }

  @Test
  void aRefundIsAWorkflowSubmittedFromJavaWhoseNoticeRunsOnlyAfterTheRefund() {
    JsonObject order = place(unique("rae"), "12.00", 0, false);
    String path = "shop/orders/" + order.getInt("id");

    Reply refund = shop.post(path + "/refund", "");
    assertEquals(202, refund.status(), refund.body());
    await().atMost(30, SECONDS).until(() -> shop.get(path).json().containsKey("refundNoticeAt"));
    JsonObject refunded = shop.get(path).json();
    assertTrue(
        !OffsetDateTime.parse(refunded.getString("refundNoticeAt"))
            .isBefore(OffsetDateTime.parse(refunded.getString("refundedAt"))),
        "the notice after the refund: " + refunded);
    JsonObject workflow = api.get("api/workflows/" + refund.json().getString("workflowId")).json();
    assertEquals(2, workflow.getJsonArray("jobs").size(), workflow.toString());
    workflow.getJsonArray("jobs").stream()
        .map(JsonObject.class::cast)
        .forEach(job -> assertEquals("completed", job.getString("status"), workflow.toString()));
    assertEquals(404, shop.post("shop/orders/999999999/refund", "").status());
  }

  @Test
  void theSalesReportsScheduleIsDeclaredInTheShopsCodeAndRuns() {
    await()
        .atMost(60, SECONDS)
        .until(() -> api.get("api/schedules/shop-daily-sales").status() == 200);
    JsonObject schedule = api.get("api/schedules/shop-daily-sales").json();
    assertEquals(
        "io.taskqueue.example.orders.control.DailySalesReport", schedule.getString("declaredBy"));
    assertEquals("0 6 * * *", schedule.getString("cron"));
    assertEquals("Europe/Berlin", schedule.getString("timeZone"));
    assertEquals("shop.daily-sales", schedule.getJsonObject("job").getString("type"));

    Reply run = api.post("api/schedules/shop-daily-sales/run", "");
    assertEquals(201, run.status(), run.body());
    String id = run.json().getString("id");
    await()
        .atMost(30, SECONDS)
        .until(() -> api.get("api/jobs/" + id).json().getString("status").equals("completed"));
    assertTrue(api.get("api/jobs/" + id).json().getJsonObject("result").getInt("orders") >= 0);
  }

  @Test
  void theShopSignsInItsCallersOnItsPathsAndTaskqueueItsOwn() {
    assertEquals(200, shop.get("shop/orders/count/x@example.com").status());

    Reply anonymous = api.as(null).get("shop/orders/count/x@example.com");
    assertEquals(401, anonymous.status());
    assertEquals("Basic realm=\"shop\"", anonymous.header("WWW-Authenticate"), "the shop's answer");

    Reply taskqueueKey = api.get("shop/orders/count/x@example.com");
    assertEquals(401, taskqueueKey.status(), "a taskqueue key means nothing to the shop");
    assertEquals("Basic realm=\"shop\"", taskqueueKey.header("WWW-Authenticate"));

    Reply shopLogin = shop.get("api/queues");
    assertEquals(401, shopLogin.status(), "the shop's login means nothing to taskqueue");
    assertEquals("Bearer realm=\"taskqueue\"", shopLogin.header("WWW-Authenticate"));
    assertEquals("application/problem+json", shopLogin.contentType());
  }

  @Test
  void taskqueuesSecurityHeadersStayOnItsOwnPaths() {
    Reply shopAnswer = shop.get("shop/orders/count/x@example.com");
    assertNull(shopAnswer.header("Content-Security-Policy"), "the shop sets its own");
    assertNull(shopAnswer.header("X-Frame-Options"));

    Reply apiAnswer = api.get("api/queues");
    assertTrue(apiAnswer.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
    assertEquals("DENY", apiAnswer.header("X-Frame-Options"));
    assertEquals("no-store", apiAnswer.header("Cache-Control"));
    Reply console = api.as(null).get("");
    assertEquals(200, console.status());
    assertEquals("DENY", console.header("X-Frame-Options"));
  }

  /** The console's page and scripts load under the shop's context root, not only at the root. */
  @Test
  void theConsoleWorksUnderTheWarsContextRoot() {
    Reply page = api.as(null).get("");
    assertEquals(200, page.status());
    java.util.regex.Matcher script =
        java.util.regex.Pattern.compile("src=\"(\\./assets/[^\"]+\\.js)\"").matcher(page.body());
    assertTrue(script.find(), "relative script URL in " + page.body());
    Reply loaded = api.as(null).get(script.group(1).substring(2));
    assertEquals(200, loaded.status(), deployment + " + " + script.group(1));
    assertTrue(loaded.contentType().contains("javascript"), loaded.contentType());
  }

  @Test
  void theShopsMapperAnswersTheShopsErrorsAndTaskqueuesMappersTaskqueues() {
    Reply shopError = shop.get("shop/orders/count/not-an-address");
    assertEquals(400, shopError.status(), shopError.body());
    assertEquals("urn:shop:problem:bad-request", shopError.json().getString("type"));

    Reply apiError = api.post("api/jobs", "{\"type\":");
    assertEquals(400, apiError.status(), apiError.body());
    assertEquals("urn:taskqueue:problem:malformed-json", apiError.json().getString("type"));
  }

  /**
   * The shop's application finds its classes by scanning, so it finds taskqueue's resources too;
   * there, signed in as the shop's submitter, they answer 404 and store nothing.
   */
  @Test
  void taskqueuesResourcesAnswerUnderItsOwnApiOnly() {
    Reply submitted =
        shop.post("shop/jobs", "{\"type\":\"order.confirmation\",\"payload\":{\"orderId\":-1}}");
    assertEquals(404, submitted.status(), submitted.body());

    Reply listed = api.get("api/jobs?type=order.confirmation&limit=200");
    assertEquals(200, listed.status());
    listed
        .json()
        .getJsonArray("items")
        .forEach(
            job ->
                assertTrue(
                    Set.of("app", "key:bootstrap-admin")
                        .contains(job.asJsonObject().getString("submittedBy")),
                    "only the shop's Java and this test's admin key submit: " + job));
  }

  /**
   * The shop and taskqueue share one pool (the operators' {@code jdbc/shop}, or in the second run
   * taskqueue's built-in one, see {@link ShopServices}): the order and its job are rows of one
   * database, the shop's in the default schema with the shop's Flyway history, taskqueue's in its
   * schema with its own.
   */
  @Test
  void theOrderAndItsJobAreRowsOfOneDatabaseEachInItsOwnSchema() throws Exception {
    String schema = ShopServices.onBuiltInPool() ? "public" : ShopServices.WAR_SCHEMA;
    JsonObject order = place(unique("eve"), "5.00", 0, false);
    ServiceEndpoints db = TestServices.endpoints();
    try (Connection c = DriverManager.getConnection(db.dbUrl(), db.dbUser(), db.dbPassword())) {
      assertEquals(
          1,
          count(
              c,
              "SELECT count(*) FROM "
                  + schema
                  + ".jobs WHERE id = '"
                  + order.getString("confirmationJob")
                  + "'"));
      assertEquals(
          1, count(c, "SELECT count(*) FROM public.shop_orders WHERE id = " + order.getInt("id")));
      assertEquals(
          1,
          count(
              c,
              "SELECT count(*) FROM pg_tables WHERE schemaname = '"
                  + schema
                  + "' AND tablename = 'taskqueue_schema_history'"));
      assertEquals(
          1,
          count(
              c,
              "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                  + " AND tablename = 'shop_schema_history'"));
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private JsonObject place(String email, String total, int points, boolean fail) {
    Reply placed = shop.post("shop/orders", order(email, total, points, fail));
    assertEquals(201, placed.status(), placed.body());
    return placed.json();
  }

  private JsonObject awaitJob(JsonObject order, String state) {
    String path = "shop/orders/" + order.getInt("id");
    await()
        .atMost(30, SECONDS)
        .until(() -> state.equals(shop.get(path).json().getString("jobState", "")));
    return shop.get(path).json();
  }

  private static String order(String email, String total, int points, boolean fail) {
    return "{\"email\":\""
        + email
        + "\",\"total\":"
        + total
        + ",\"points\":"
        + points
        + ",\"failAfterSaving\":"
        + fail
        + "}";
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  private static java.math.BigDecimal bd(String value) {
    return new java.math.BigDecimal(value);
  }
}
