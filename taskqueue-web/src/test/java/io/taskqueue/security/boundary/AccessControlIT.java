package io.taskqueue.security.boundary;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.support.Api;
import io.taskqueue.support.Api.Reply;
import io.taskqueue.support.DeployedWar;
import io.taskqueue.support.TestTokens;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may call what. {@link #ENDPOINTS} lists every operation of the API with the roles allowed to
 * call it (any one of them; {@code a+b} needs both), and the first test fails when the published
 * API description has one the table lacks: a new endpoint cannot be added without deciding who may
 * call it.
 */
class AccessControlIT extends DeployedWar {

  record Endpoint(String method, String template, String path, String body, Set<String> roles) {
    String operation() {
      return method + " " + template;
    }
  }

  static final String VIEWER = "viewer";
  static final String SUBMITTER = "submitter";
  static final String OPERATOR = "operator";
  static final String ADMIN = "admin";

  /** Both roles at once: scheduling is an operator's work and submits jobs. */
  static final String OPERATOR_SUBMITTER = OPERATOR + "+" + SUBMITTER;

  static final String SOME_ID = UUID.randomUUID().toString();

  /** Sample calls that change nothing another test could see (unknown ids, empty filters). */
  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint("GET", "/api/jobs", "api/jobs", null, Set.of(VIEWER, SUBMITTER)),
          new Endpoint("POST", "/api/jobs", "api/jobs", "{\"type\":\"noop\"}", Set.of(SUBMITTER)),
          new Endpoint(
              "POST",
              "/api/jobs/batch",
              "api/jobs/batch",
              "[{\"type\":\"noop\"}]",
              Set.of(SUBMITTER)),
          new Endpoint(
              "GET", "/api/jobs/{id}", "api/jobs/" + SOME_ID, null, Set.of(VIEWER, SUBMITTER)),
          new Endpoint(
              "GET",
              "/api/jobs/{id}/attempts",
              "api/jobs/" + SOME_ID + "/attempts",
              null,
              Set.of(VIEWER, SUBMITTER)),
          new Endpoint(
              "GET",
              "/api/jobs/{id}/dependencies",
              "api/jobs/" + SOME_ID + "/dependencies",
              null,
              Set.of(VIEWER, SUBMITTER)),
          new Endpoint("POST", "/api/workflows", "api/workflows", "{}", Set.of(SUBMITTER)),
          new Endpoint(
              "GET",
              "/api/workflows/{id}",
              "api/workflows/" + SOME_ID,
              null,
              Set.of(VIEWER, SUBMITTER)),
          new Endpoint(
              "POST",
              "/api/workflows/{id}/cancel",
              "api/workflows/" + SOME_ID + "/cancel",
              null,
              Set.of(OPERATOR)),
          new Endpoint(
              "GET",
              "/api/jobs/{id}/logs",
              "api/jobs/" + SOME_ID + "/logs",
              null,
              Set.of(VIEWER, SUBMITTER)),
          new Endpoint(
              "POST",
              "/api/jobs/{id}/cancel",
              "api/jobs/" + SOME_ID + "/cancel",
              null,
              Set.of(OPERATOR)),
          new Endpoint(
              "POST",
              "/api/jobs/{id}/retry",
              "api/jobs/" + SOME_ID + "/retry",
              null,
              Set.of(OPERATOR)),
          new Endpoint("GET", "/api/dead", "api/dead", null, Set.of(VIEWER)),
          new Endpoint(
              "POST",
              "/api/dead/retry",
              "api/dead/retry?type=no-such-type",
              null,
              Set.of(OPERATOR)),
          new Endpoint("DELETE", "/api/dead", "api/dead?type=no-such-type", null, Set.of(OPERATOR)),
          new Endpoint("GET", "/api/queues", "api/queues", null, Set.of(VIEWER)),
          new Endpoint(
              "POST",
              "/api/queues/{priority}/pause",
              "api/queues/none/pause",
              null,
              Set.of(OPERATOR)),
          new Endpoint(
              "POST",
              "/api/queues/{priority}/resume",
              "api/queues/none/resume",
              null,
              Set.of(OPERATOR)),
          new Endpoint("GET", "/api/stats", "api/stats", null, Set.of(VIEWER)),
          new Endpoint("GET", "/api/schedules", "api/schedules", null, Set.of(VIEWER)),
          new Endpoint("POST", "/api/schedules", "api/schedules", "{}", Set.of(OPERATOR_SUBMITTER)),
          new Endpoint(
              "GET",
              "/api/schedules/preview",
              "api/schedules/preview?cron=*%20*%20*%20*%20*",
              null,
              Set.of(VIEWER)),
          new Endpoint(
              "GET", "/api/schedules/{name}", "api/schedules/no-such", null, Set.of(VIEWER)),
          new Endpoint(
              "PUT",
              "/api/schedules/{name}",
              "api/schedules/no-such",
              "{}",
              Set.of(OPERATOR_SUBMITTER)),
          new Endpoint(
              "DELETE", "/api/schedules/{name}", "api/schedules/no-such", null, Set.of(OPERATOR)),
          new Endpoint(
              "POST",
              "/api/schedules/{name}/pause",
              "api/schedules/no-such/pause",
              null,
              Set.of(OPERATOR)),
          new Endpoint(
              "POST",
              "/api/schedules/{name}/resume",
              "api/schedules/no-such/resume",
              null,
              Set.of(OPERATOR)),
          new Endpoint(
              "POST",
              "/api/schedules/{name}/run",
              "api/schedules/no-such/run",
              null,
              Set.of(OPERATOR_SUBMITTER)),
          new Endpoint("GET", "/api/workers", "api/workers", null, Set.of(VIEWER)),
          new Endpoint("GET", "/api/keys", "api/keys", null, Set.of(ADMIN)),
          new Endpoint("POST", "/api/keys", "api/keys", "{}", Set.of(ADMIN)),
          new Endpoint("DELETE", "/api/keys/{id}", "api/keys/999999999", null, Set.of(ADMIN)),
          new Endpoint("GET", "/api/audit", "api/audit", null, Set.of(ADMIN)),
          new Endpoint("GET", "/api/retention", "api/retention", null, Set.of(VIEWER)),
          new Endpoint("PUT", "/api/retention", "api/retention", "{}", Set.of(ADMIN)),
          new Endpoint(
              "GET", "/api/me", "api/me", null, Set.of(VIEWER, SUBMITTER, OPERATOR, ADMIN)),
          new Endpoint("POST", "/api/ws-ticket", "api/ws-ticket", null, Set.of(VIEWER)));

  /** The roles each role holds: an operator also views, an admin holds all. */
  static final Map<String, Set<String>> HOLDS =
      Map.of(
          VIEWER, Set.of(VIEWER),
          SUBMITTER, Set.of(SUBMITTER),
          OPERATOR, Set.of(OPERATOR, VIEWER),
          ADMIN, Set.of(VIEWER, SUBMITTER, OPERATOR, ADMIN));

  @Test
  void theTableListsEveryOperationThePublishedApiHas() {
    JsonObject paths = api.getFromRoot("/openapi?format=JSON").json().getJsonObject("paths");
    Set<String> published = new TreeSet<>();
    paths.forEach(
        (path, item) ->
            item.asJsonObject().keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> published.add(m.toUpperCase() + " " + path)));
    Set<String> listed = new TreeSet<>();
    ENDPOINTS.forEach(e -> listed.add(e.operation()));
    assertEquals(published, listed, "every operation needs a row in ENDPOINTS");
  }

  @Test
  void everyEndpointRefusesCallersWithoutValidCredentials() {
    String revoked = key("revoked", ADMIN);
    long revokedId = keyId(revoked);
    assertEquals(200, api.delete("api/keys/" + revokedId).status());
    String expiring = key("expiring", ADMIN, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2));
    await().atMost(20, SECONDS).until(() -> api.as(expiring).get("api/me").status() == 401);
    Map<String, Api> strangers =
        Map.of(
            "anonymous", api.as(null),
            "revoked key", api.as(revoked),
            "expired key", api.as(expiring),
            "unknown key", api.as("tq_" + UUID.randomUUID()),
            "forged token", api.as(TestTokens.forgedToken("mallory", List.of(ADMIN))),
            "expired token", api.as(TestTokens.token("alice", List.of(ADMIN), -300)));
    for (Endpoint endpoint : ENDPOINTS) {
      strangers.forEach(
          (who, client) -> {
            Reply reply = client.call(endpoint.method(), endpoint.path(), endpoint.body());
            String what = who + " on " + endpoint.operation();
            assertEquals(401, reply.status(), what + ": " + reply.body());
            assertEquals("application/problem+json", reply.contentType(), what);
            assertEquals("urn:taskqueue:problem:unauthorized", reply.json().getString("type"));
            assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"), what);
          });
    }
  }

  @Test
  void everyEndpointAdmitsExactlyTheRolesItListsAndRefusesOthersWith403() {
    for (String role : List.of(VIEWER, SUBMITTER, OPERATOR, ADMIN)) {
      Api caller = api.as(key(role, role));
      for (Endpoint endpoint : ENDPOINTS) {
        Reply reply = caller.call(endpoint.method(), endpoint.path(), endpoint.body());
        String what = role + " on " + endpoint.operation() + ": " + reply.body();
        boolean allowed =
            endpoint.roles().stream()
                .anyMatch(needed -> HOLDS.get(role).containsAll(List.of(needed.split("\\+"))));
        if (allowed) {
          assertNotEquals(401, reply.status(), what);
          assertNotEquals(403, reply.status(), what);
          assertTrue(reply.status() < 500, what);
        } else {
          assertEquals(403, reply.status(), what);
          assertEquals("urn:taskqueue:problem:forbidden", reply.json().getString("type"), what);
        }
      }
    }
  }

  @Test
  void tokensFromTheConfiguredIdentityProviderSignInWithTheirGroupsAsRoles() {
    Api alice = api.as(TestTokens.token("alice", List.of(VIEWER, "unrelated-group"), 300));
    JsonObject me = alice.get("api/me").json();
    assertEquals("alice@" + TestTokens.ISSUER, me.getString("name"), "subject at issuer");
    assertEquals("jwt", me.getString("via"));
    assertEquals(
        List.of(VIEWER), me.getJsonArray("roles").getValuesAs(j -> j.toString().replace("\"", "")));
    assertEquals(200, alice.get("api/stats").status());
    assertEquals(403, alice.post("api/jobs", "{\"type\":\"noop\"}").status());
  }

  @Test
  void secretLookingFieldsAreHiddenFromEveryoneButTheSubmitterAndAdmins() {
    Api owner = api.as(key("secret-owner", SUBMITTER));
    Api viewer = api.as(key("secret-viewer", VIEWER));
    String id =
        owner
            .post(
                "api/jobs",
                "{\"type\":\"noop\",\"payload\":{\"to\":\"ada\",\"smtpPassword\":\"hunter2\","
                    + "\"headers\":{\"Authorization\":\"Bearer abc\"}}}")
            .json()
            .getString("id");

    JsonObject seen = viewer.get("api/jobs/" + id).json().getJsonObject("payload");
    assertEquals("ada", seen.getString("to"));
    assertEquals("[redacted]", seen.getString("smtpPassword"));
    assertEquals("[redacted]", seen.getJsonObject("headers").getString("Authorization"));
    assertFalse(viewer.get("api/jobs/" + id).body().contains("hunter2"));
    assertEquals(
        "hunter2",
        owner.get("api/jobs/" + id).json().getJsonObject("payload").getString("smtpPassword"));
    assertEquals(
        "hunter2",
        api.get("api/jobs/" + id).json().getJsonObject("payload").getString("smtpPassword"),
        "the admin key sees it");
  }

  @Test
  void aSubmitterReadsOnlyTheJobsItSubmitted() {
    Api first = api.as(key("owner", SUBMITTER));
    Api second = api.as(key("other", SUBMITTER));
    String id = first.post("api/jobs", "{\"type\":\"noop\"}").json().getString("id");
    Reply own = first.get("api/jobs/" + id);
    assertEquals(200, own.status());
    assertEquals(
        "key:" + first.get("api/me").json().getString("name"), own.json().getString("submittedBy"));
    assertEquals(404, second.get("api/jobs/" + id).status());
    assertEquals(200, api.get("api/jobs/" + id).status(), "a viewer reads every job");
    assertTrue(first.get("api/jobs?limit=200").body().contains(id));
    assertFalse(second.get("api/jobs?limit=200").body().contains(id));
  }

  @Test
  void schedulingNeedsTheSubmitterRoleAsWellAsOperator() {
    String body =
        "{\"name\":\"ops-only-"
            + System.nanoTime()
            + "\",\"cron\":\"0 3 * * *\",\"job\":{\"type\":\"noop\"}}";
    Reply refused = api.as(key("ops", OPERATOR)).post("api/schedules", body);
    assertEquals(403, refused.status(), refused.body());
    assertTrue(refused.json().getString("detail").contains("submitter"), refused.body());

    Reply both =
        createKey("ops-and-submit-" + System.nanoTime(), List.of(OPERATOR, SUBMITTER), null);
    assertEquals(201, both.status(), both.body());
    Reply created = api.as(both.json().getString("secret")).post("api/schedules", body);
    assertEquals(201, created.status(), created.body());
    String name = created.json().getString("name");
    assertEquals(204, api.delete("api/schedules/" + name).status());
  }

  @Test
  void retryingNeedsTheRightToSubmitTheJobsType() {
    // webhook is restricted to admins here, echo to operators (PayaraServices).
    String operatorKey = key("ops-retry", OPERATOR);
    String webhook =
        cancelledJob(
            "{\"type\":\"webhook\",\"delayMs\":600000,"
                + "\"payload\":{\"url\":\"http://127.0.0.1:9/hook\",\"body\":{}}}");
    String echo = cancelledJob("{\"type\":\"echo\",\"delayMs\":600000}");

    Reply refused = api.as(operatorKey).post("api/jobs/" + webhook + "/retry", "");
    assertEquals(403, refused.status(), refused.body());
    assertEquals("urn:taskqueue:problem:job-type-forbidden", refused.json().getString("type"));
    assertEquals("cancelled", api.get("api/jobs/" + webhook).json().getString("status"));
    assertEquals(200, api.as(operatorKey).post("api/jobs/" + echo + "/retry", "").status());

    Reply everyDead = api.as(operatorKey).post("api/dead/retry", "");
    assertEquals(403, everyDead.status(), everyDead.body());
    assertTrue(everyDead.json().getString("detail").contains("webhook"), everyDead.body());
    assertEquals(200, api.as(operatorKey).post("api/dead/retry?type=noop", "").status());
  }

  private String cancelledJob(String body) {
    String id = api.post("api/jobs", body).json().getString("id");
    assertEquals(200, api.post("api/jobs/" + id + "/cancel", "").status());
    return id;
  }

  @Test
  void aRestrictedJobTypeNeedsOneOfItsRoles() {
    Reply refused = api.as(key("plain", SUBMITTER)).post("api/jobs", "{\"type\":\"echo\"}");
    assertEquals(403, refused.status(), refused.body());
    assertEquals("urn:taskqueue:problem:job-type-forbidden", refused.json().getString("type"));
    assertEquals(201, api.post("api/jobs", "{\"type\":\"echo\"}").status(), "admin holds operator");
  }

  @Test
  void operatorActionsAreInTheAuditLogWithWhoWhatWhenAndWhere() {
    String operatorKey = key("ops", OPERATOR);
    String operatorName = api.as(operatorKey).get("api/me").json().getString("name");
    String id =
        api.post("api/jobs", "{\"type\":\"noop\",\"delayMs\":600000}").json().getString("id");
    assertEquals(200, api.as(operatorKey).post("api/jobs/" + id + "/cancel", "").status());
    JsonObject entry =
        api.get("api/audit?actor=" + operatorName).json().getJsonArray("items").getJsonObject(0);
    assertEquals("job.cancel", entry.getString("action"));
    assertEquals(id, entry.getString("target"));
    assertEquals("key", entry.getString("auth"));
    assertEquals("127.0.0.1", entry.getString("remoteAddr"));
    assertEquals(1, entry.getInt("jobCount"));
    assertTrue(entry.containsKey("at"));
  }

  @Test
  void keysAreListedWithoutSecretsAndRevokedAtOnce() {
    Reply created = createKey("listed", List.of(VIEWER), null);
    assertEquals(201, created.status(), created.body());
    String secret = created.json().getString("secret");
    long id = created.json().getJsonNumber("id").longValue();
    assertEquals(200, api.as(secret).get("api/stats").status());
    Reply listing = api.get("api/keys");
    assertTrue(listing.body().contains(created.json().getString("name")));
    assertFalse(listing.body().contains(secret), "a listing never shows a secret");
    assertFalse(listing.body().contains("\"secret\""));
    assertEquals("revoked", api.delete("api/keys/" + id).json().getString("state"));
    assertEquals(401, api.as(secret).get("api/stats").status());
    assertEquals(409, createKey(created.json().getString("name"), List.of(VIEWER), null).status());
    assertEquals(400, createKey("bad name!", List.of(VIEWER), null).status());
    assertEquals(400, createKey("norole", List.of("root"), null).status());
  }

  @Test
  void answersCarryStrictHeadersAndNoCorsForForeignOrigins() {
    Reply reply = api.getWithHeader("api/queues", "Origin", "https://evil.example");
    assertEquals(200, reply.status());
    assertEquals("nosniff", reply.header("X-Content-Type-Options"));
    assertEquals("DENY", reply.header("X-Frame-Options"));
    assertEquals("no-store", reply.header("Cache-Control"));
    assertTrue(reply.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
    assertNull(reply.header("Access-Control-Allow-Origin"));
  }

  // --- helpers

  @Test
  void anIdempotencyKeyBelongsToItsCallerAndCannotBeReusedForAnotherRequest() {
    String key = "order-" + UUID.randomUUID();
    Api alice = api.as(key("alice", SUBMITTER));
    Api bob = api.as(key("bob", SUBMITTER));
    String job = "{\"type\":\"noop\",\"payload\":{\"secret\":\"alice's\"}}";

    Reply first = alice.postWithHeader("api/jobs", job, "Idempotency-Key", key);
    Reply other = bob.postWithHeader("api/jobs", "{\"type\":\"noop\"}", "Idempotency-Key", key);
    Reply again = alice.postWithHeader("api/jobs", job, "Idempotency-Key", key);
    Reply changed =
        alice.postWithHeader(
            "api/jobs", "{\"type\":\"noop\",\"payload\":{}}", "Idempotency-Key", key);

    assertEquals(201, first.status(), first.body());
    assertEquals(201, other.status(), "another caller's equal key is another key: " + other.body());
    assertNotEquals(first.json().getString("id"), other.json().getString("id"));
    assertFalse(other.body().contains("alice's"), other.body());
    assertEquals(200, again.status(), again.body());
    assertEquals(first.json().getString("id"), again.json().getString("id"));
    assertEquals(422, changed.status(), changed.body());
    assertEquals("application/problem+json", changed.header("Content-Type"));
  }

  private String key(String name, String role) {
    return key(name, role, null);
  }

  private String key(String name, String role, OffsetDateTime expiresAt) {
    Reply reply = createKey(name + "-" + System.nanoTime(), List.of(role), expiresAt);
    assertEquals(201, reply.status(), reply.body());
    return reply.json().getString("secret");
  }

  private Reply createKey(String name, List<String> roles, OffsetDateTime expiresAt) {
    String body =
        "{\"name\":\""
            + name
            + "\",\"roles\":["
            + String.join(",", roles.stream().map(r -> "\"" + r + "\"").toList())
            + "]"
            + (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"")
            + "}";
    return api.post("api/keys", body);
  }

  private long keyId(String secret) {
    String name = api.as(secret).get("api/me").json().getString("name");
    return api.get("api/keys").jsonValue().asJsonArray().stream()
        .map(v -> v.asJsonObject())
        .filter(k -> k.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }
}
