package io.taskqueue.example.orders;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.support.Api;
import io.taskqueue.support.Api.Reply;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.util.List;
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
 * The shop as one WAR on Payara Micro, taskqueue inside it: an order and its confirmation job
 * commit together or not at all, and the shop's own handler runs the job, retried, then dead.
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

  @BeforeEach
  void client() {
    api = new Api(deployment);
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
  }

  @Test
  void aFailureAfterSavingLeavesNoOrderNoPointsNoJobAndNothingInRedis() {
    String email = unique("bob");
    Reply failed = api.post("api/orders", order(email, "10.00", 25, true));

    assertEquals(409, failed.status(), failed.body());
    String job = failed.json().getString("job");
    assertEquals("[0,0]", api.get("api/orders/count/" + email).body().replace(" ", ""));
    assertEquals(404, api.get("api/jobs/" + job).status());
    assertEquals(List.of(), RedisTraces.of(job));
  }

  @Test
  void loyaltyPointsInAnotherDatabaseCommitWithTheOrderAndItsJob() {
    String email = unique("cy");
    JsonObject order = place(email, "99.00", 25, false);

    assertEquals(25, order.getInt("loyaltyPoints"));
    assertEquals("[1,1]", api.get("api/orders/count/" + email).body().replace(" ", ""));
    assertEquals(1, awaitJob(order, "completed").getInt("confirmationsSent"));
  }

  @Test
  void aConfirmationThatKeepsFailingIsRetriedThenDeadWithItsError() {
    JsonObject order = place(unique("dee") + ".unreachable.example", "5.00", 0, false);

    JsonObject dead = awaitJob(order, "dead");
    assertEquals(3, dead.getInt("jobAttempts"));
    assertTrue(dead.getString("jobError").contains("refused the confirmation"), dead.toString());
    assertEquals(0, dead.getInt("confirmationsSent"));
  }

  private JsonObject place(String email, String total, int points, boolean fail) {
    Reply placed = api.post("api/orders", order(email, total, points, fail));
    assertEquals(201, placed.status(), placed.body());
    return placed.json();
  }

  private JsonObject awaitJob(JsonObject order, String state) {
    String path = "api/orders/" + order.getInt("id");
    await()
        .atMost(30, SECONDS)
        .until(() -> state.equals(api.get(path).json().getString("jobState", "")));
    return api.get(path).json();
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
