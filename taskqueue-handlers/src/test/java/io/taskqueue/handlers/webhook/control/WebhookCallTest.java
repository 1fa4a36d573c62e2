package io.taskqueue.handlers.webhook.control;

import static io.taskqueue.handlers.testing.LoopbackHttpServer.respond;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.NonRetryableException;
import io.taskqueue.RetryLaterException;
import io.taskqueue.handlers.outbound.boundary.RetryableRemoteException;
import io.taskqueue.handlers.outbound.entity.HostLookup;
import io.taskqueue.handlers.testing.Json;
import io.taskqueue.handlers.testing.LoopbackHttpServer;
import io.taskqueue.handlers.testing.LoopbackHttpServer.Received;
import io.taskqueue.handlers.webhook.entity.WebhookResult;
import io.taskqueue.handlers.webhook.entity.WebhookSettings;
import io.taskqueue.handlers.webhook.entity.WebhookTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookCallTest {

  private static final String SECRET = "whsec_test";
  private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
  private static final UUID JOB = UUID.fromString("7b0c3a52-6c1f-4f3e-9a0e-2f1d8c5e4b11");

  private final LoopbackHttpServer server = new LoopbackHttpServer();
  private final LoopbackHttpServer otherHost = new LoopbackHttpServer();

  private final List<WebhookCall> calls = new ArrayList<>();

  @AfterEach
  void stopServers() {
    calls.forEach(WebhookCall::close);
    server.close();
    otherHost.close();
  }

  /** Posts to the loopback servers: 127.0.0.1 on any port, its network allowed. */
  private WebhookCall call(Duration requestTimeout) {
    return call(requestTimeout, "127.0.0.1:*", "127.0.0.1", HostLookup.SYSTEM);
  }

  private WebhookCall call() {
    return call(Duration.ofSeconds(5));
  }

  private WebhookCall call(
      Duration requestTimeout, String allowedHosts, String internalNetworks, HostLookup lookup) {
    WebhookSettings settings =
        WebhookSettings.fromConfig(
            Optional.of(server.url("/hook").toString()),
            Optional.of(allowedHosts),
            internalNetworks,
            Optional.of(SECRET),
            1_000,
            requestTimeout.toMillis());
    WebhookCall call = new WebhookCall(settings, Clock.fixed(NOW, ZoneOffset.UTC), lookup);
    calls.add(call);
    return call;
  }

  /** Posts to {@code url}, expects the job to fail for good with no request made; the reason. */
  private String refusal(String allowedHosts, String networks, HostLookup lookup, String url) {
    NonRetryableException refused =
        assertThrows(
            NonRetryableException.class,
            () ->
                call(Duration.ofSeconds(5), allowedHosts, networks, lookup)
                    .post(JOB, Json.object("{'url': '" + url + "'}")));
    assertEquals(0, server.received().size());
    return refused.getMessage();
  }

  /** Resolves partner.example (which no DNS knows) to the loopback address, counting lookups. */
  private HostLookup partnerOnLoopback(AtomicInteger lookups) {
    return host -> {
      lookups.incrementAndGet();
      if (host.equals("partner.example")) {
        return new InetAddress[] {InetAddress.getLoopbackAddress()};
      }
      throw new UnknownHostException(host);
    };
  }

  @Test
  void aNameThatResolvesToAnInternalAddressIsRefusedForGoodAndNothingIsSent() {
    server.on("/hook", respond(200, "secret metadata"));
    AtomicInteger lookups = new AtomicInteger();
    String url = "http://partner.example:" + server.port() + "/hook";

    String refused = refusal("partner.example:*", "", partnerOnLoopback(lookups), url);

    assertTrue(refused.contains("127.0.0.1, a loopback address"), refused);
  }

  @Test
  void withItsNetworkAllowedTheCallGoesToTheAddressThatWasCheckedAfterOneLookup() throws Exception {
    server.on("/hook", respond(200, "ok"));
    AtomicInteger lookups = new AtomicInteger();
    String url = "http://partner.example:" + server.port() + "/hook";

    WebhookResult result =
        call(Duration.ofSeconds(5), "partner.example:*", "127.0.0.0/8", partnerOnLoopback(lookups))
            .post(JOB, Json.object("{'url': '" + url + "'}"));

    assertEquals(200, result.status());
    // partner.example exists in no DNS: the connection went where the checked lookup said.
    assertEquals(
        "partner.example:" + server.port(), server.received().get(0).headers().getFirst("Host"));
    assertEquals(1, lookups.get());
  }

  @Test
  void anInternalAddressLiteralIsRefusedUnlessItsNetworkIsAllowed() {
    server.on("/hook", respond(200, "ok"));
    String url = server.url("/hook").toString();

    String refused = refusal("127.0.0.1:*", "10.0.0.0/8", HostLookup.SYSTEM, url);

    assertTrue(refused.contains("loopback"), refused);
  }

  @Test
  void anAllowedHostIsReachableOnlyOnTheDefaultPortOrThePortsItsEntryNames() {
    server.on("/hook", respond(200, "ok"));
    String url = server.url("/hook").toString();

    String refused = refusal("127.0.0.1", "127.0.0.1", HostLookup.SYSTEM, "http://127.0.0.1:1/x");
    assertTrue(refused.contains("port 1 of host"), refused);
    // The configured URL's own port is allowed, as is a port its entry names.
    assertDoesNotThrow(
        () ->
            call(Duration.ofSeconds(5), "127.0.0.1", "127.0.0.1", HostLookup.SYSTEM)
                .post(JOB, Json.object("{'url': '" + url + "'}")));
  }

  @Test
  void postsTheSignedPayloadWithoutUrlAndHeadersSoTheReceiverCanVerifyIt() throws Exception {
    server.on("/orders", respond(200, "ok"));

    call()
        .post(
            JOB,
            Json.object(
                "{'url': '"
                    + server.url("/orders")
                    + "', 'headers': {'X-Tenant': 'acme'}, 'order': 42, 'lines': ['a', 'b']}"));

    Received request = server.received().get(0);
    assertEquals("POST", request.method());
    assertEquals(Json.object("{'order': 42, 'lines': ['a', 'b']}"), Json.object(request.body()));
    assertEquals("application/json", request.headers().getFirst("Content-Type"));
    assertEquals("acme", request.headers().getFirst("X-Tenant"));
    assertEquals(JOB.toString(), request.headers().getFirst("X-Taskqueue-Job-Id"));
    assertEquals(JOB.toString(), request.headers().getFirst("Idempotency-Key"));
    String timestamp = request.headers().getFirst("X-Taskqueue-Timestamp");
    assertEquals(Long.toString(NOW.getEpochSecond()), timestamp);
    String url = server.url("/orders").toString();
    assertEquals(url, request.headers().getFirst("X-Taskqueue-Url"));
    assertEquals(
        "v2=" + hmacSha256Hex(SECRET, timestamp + "." + url + "." + request.body()),
        request.headers().getFirst("X-Taskqueue-Signature"));
    assertFalse(
        ("v2=" + hmacSha256Hex("another secret", timestamp + "." + url + "." + request.body()))
            .equals(request.headers().getFirst("X-Taskqueue-Signature")));
    // Replayed to another URL of the same secret, the signature does not verify.
    assertFalse(
        ("v2="
                + hmacSha256Hex(
                    SECRET, timestamp + "." + server.url("/hook") + "." + request.body()))
            .equals(request.headers().getFirst("X-Taskqueue-Signature")));
  }

  @Test
  void postsOnlyTheBodyFieldToTheConfiguredUrlWhenTheJobNamesNone() throws Exception {
    server.on("/hook", respond(204, ""));

    WebhookResult result = call().post(JOB, Json.object("{'body': [1, 2, 3], 'ignored': true}"));

    assertEquals(new WebhookResult(204, ""), result);
    Received request = server.received().get(0);
    assertEquals("/hook", request.path());
    assertEquals(Json.value("[1,2,3]"), Json.value(request.body()));
  }

  @Test
  void successReturnsTheStatusAndTheStartOfTheAnswer() throws Exception {
    server.on("/hook", respond(201, "{\"id\": \"r-1\"}", "Content-Type", "application/json"));

    assertEquals(new WebhookResult(201, "{\"id\": \"r-1\"}"), call().post(JOB, Json.object("{}")));
  }

  @Test
  void serverErrorWithoutRetryAfterIsRetriedWithBackoff() {
    server.on("/hook", respond(500, "database down"));

    Exception failure = assertThrows(Exception.class, () -> call().post(JOB, Json.object("{}")));

    assertInstanceOf(RetryableRemoteException.class, failure);
    assertTrue(failure.getMessage().contains("500"), failure.getMessage());
    assertTrue(failure.getMessage().contains("database down"), failure.getMessage());
  }

  @Test
  void tooManyRequestsWithRetryAfterSecondsAsksForThatWait() {
    server.on("/hook", respond(429, "slow down", "Retry-After", "7"));

    RetryLaterException failure =
        assertThrows(RetryLaterException.class, () -> call().post(JOB, Json.object("{}")));

    assertEquals(Duration.ofSeconds(7), failure.after());
  }

  @Test
  void unavailableWithRetryAfterDateAsksToWaitUntilThen() {
    String inTwoMinutes =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(120).atZone(ZoneOffset.UTC));
    server.on("/hook", respond(503, "", "Retry-After", inTwoMinutes));

    RetryLaterException failure =
        assertThrows(RetryLaterException.class, () -> call().post(JOB, Json.object("{}")));

    assertEquals(Duration.ofSeconds(120), failure.after());
  }

  @Test
  void notFoundFailsTheJobForGoodWithTheStatusAndAnswer() {
    server.on("/hook", respond(404, "no such hook"));

    NonRetryableException failure =
        assertThrows(NonRetryableException.class, () -> call().post(JOB, Json.object("{}")));

    assertTrue(failure.getMessage().contains("404"), failure.getMessage());
    assertTrue(failure.getMessage().contains("no such hook"), failure.getMessage());
  }

  @Test
  void hostThatIsNotAllowedIsRefusedBeforeAnyRequest() {
    server.on("/", respond(200, "ok"));
    String sameServerOtherName = "http://localhost:" + server.port() + "/hook";

    NonRetryableException failure =
        assertThrows(
            NonRetryableException.class,
            () -> call().post(JOB, Json.object("{'url': '" + sameServerOtherName + "'}")));

    assertTrue(failure.getMessage().contains("localhost"), failure.getMessage());
    assertEquals(0, server.received().size());
  }

  @Test
  void schemesOtherThanHttpAndHttpsAreRefused() {
    for (String url : new String[] {"file:///etc/passwd", "ftp://127.0.0.1/x", "127.0.0.1/x"}) {
      assertThrows(
          NonRetryableException.class,
          () -> call().post(JOB, Json.object("{'url': '" + url + "'}")),
          url);
    }
  }

  @Test
  void redirectIsNotFollowedAndFailsTheJob() {
    otherHost.on("/", respond(200, "followed"));
    String elsewhere = "http://localhost:" + otherHost.port() + "/stolen";
    server.on("/hook", respond(302, "", "Location", elsewhere));

    NonRetryableException failure =
        assertThrows(NonRetryableException.class, () -> call().post(JOB, Json.object("{}")));

    assertTrue(failure.getMessage().contains("302"), failure.getMessage());
    assertTrue(failure.getMessage().contains(elsewhere), failure.getMessage());
    assertEquals(0, otherHost.received().size());
  }

  @Test
  void serverThatDoesNotAnswerInTimeIsRetried() {
    server.on(
        "/hook",
        exchange -> {
          server.awaitRelease();
        });

    Exception failure =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () ->
                assertThrows(
                    Exception.class,
                    () -> call(Duration.ofMillis(300)).post(JOB, Json.object("{}"))));

    assertInstanceOf(RetryableRemoteException.class, failure);
  }

  @Test
  void serverThatStallsInTheMiddleOfTheBodyIsRetried() {
    server.on(
        "/hook",
        exchange -> {
          exchange.sendResponseHeaders(200, 1_000);
          exchange.getResponseBody().write("only the start".getBytes(StandardCharsets.UTF_8));
          exchange.getResponseBody().flush();
          server.awaitRelease();
        });

    Exception failure =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () ->
                assertThrows(
                    Exception.class,
                    () -> call(Duration.ofMillis(500)).post(JOB, Json.object("{}"))));

    assertInstanceOf(RetryableRemoteException.class, failure);
  }

  @Test
  void hugeAnswerIsReadOnlyAsFarAsTheExcerptAndTheRestIsRefused() throws Exception {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    // 64 MiB: far more than loopback socket buffers hold even fully grown (32 MiB here at most).
    long total = 1024L * chunk.length;
    AtomicLong written = new AtomicLong();
    AtomicBoolean finished = new AtomicBoolean();
    AtomicBoolean cutOff = new AtomicBoolean();
    server.on(
        "/hook",
        exchange -> {
          exchange.sendResponseHeaders(200, total);
          try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < total; sent += chunk.length) {
              out.write(chunk);
              written.addAndGet(chunk.length);
            }
          } catch (IOException e) {
            cutOff.set(true);
          }
          finished.set(true);
        });

    WebhookResult result = call().post(JOB, Json.object("{}"));

    assertEquals(200, result.status());
    assertEquals("x".repeat(1024), result.body());
    await().atMost(5, SECONDS).untilTrue(finished);
    assertTrue(cutOff.get(), "the client read all " + written.get() + " bytes");
    assertTrue(written.get() < total);
  }

  @Test
  void refusedConnectionIsRetried() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    Exception failure =
        assertThrows(
            Exception.class,
            () ->
                call()
                    .post(JOB, Json.object("{'url': 'http://127.0.0.1:" + closedPort + "/hook'}")));

    assertInstanceOf(RetryableRemoteException.class, failure);
  }

  @Test
  void jobCannotReplaceTheSignatureOrHostHeaders() {
    server.on("/hook", respond(200, "ok"));

    for (String header : new String[] {"X-Taskqueue-Signature", "idempotency-key", "Host"}) {
      assertThrows(
          NonRetryableException.class,
          () -> call().post(JOB, Json.object("{'headers': {'" + header + "': 'forged'}}")),
          header);
    }
    assertEquals(0, server.received().size());
  }

  private WebhookCall withTargets(String defaultSecret) {
    WebhookSettings settings =
        WebhookSettings.fromConfig(
            Optional.empty(),
            Optional.empty(),
            "127.0.0.1",
            Optional.ofNullable(defaultSecret),
            Map.of(
                "partner-a",
                new WebhookTarget(
                    "partner-a",
                    server.url("/a/"),
                    "whsec_a",
                    Optional.of("Bearer token-from-config")),
                "partner-b",
                new WebhookTarget("partner-b", otherHost.url("/b"), "whsec_b", Optional.empty())),
            1_000,
            5_000);
    WebhookCall call = new WebhookCall(settings, Clock.fixed(NOW, ZoneOffset.UTC));
    calls.add(call);
    return call;
  }

  @Test
  void aTargetsCallIsSignedWithItsOwnSecretAndCarriesItsConfiguredCredentials() throws Exception {
    server.on("/a/orders", respond(200, "ok"));

    withTargets(null)
        .post(
            JOB,
            Json.object(
                "{'target': 'partner-a', 'url': '" + server.url("/a/orders") + "', 'n': 1}"));

    Received request = server.received().get(0);
    assertEquals(Json.object("{'n': 1}"), Json.object(request.body()));
    assertEquals("Bearer token-from-config", request.headers().getFirst("Authorization"));
    String timestamp = request.headers().getFirst("X-Taskqueue-Timestamp");
    String url = server.url("/a/orders").toString();
    assertEquals(
        "v2=" + hmacSha256Hex("whsec_a", timestamp + "." + url + "." + request.body()),
        request.headers().getFirst("X-Taskqueue-Signature"));
  }

  @Test
  void aTargetWithoutUrlGetsItsConfiguredUrlAndOtherTargetsKeepTheirSecrets() throws Exception {
    otherHost.on("/b", respond(204, ""));

    withTargets(null).post(JOB, Json.object("{'target': 'partner-b', 'body': 'x'}"));

    Received request = otherHost.received().get(0);
    assertEquals("/b", request.path());
    assertEquals(null, request.headers().getFirst("Authorization"));
    String timestamp = request.headers().getFirst("X-Taskqueue-Timestamp");
    assertEquals(
        "v2=" + hmacSha256Hex("whsec_b", timestamp + "." + otherHost.url("/b") + ".\"x\""),
        request.headers().getFirst("X-Taskqueue-Signature"));
  }

  @Test
  void aJobCannotLeaveItsTargetNorNameOneThatIsNotConfigured() {
    server.on("/", respond(200, "ok"));
    WebhookCall call = withTargets(null);
    for (String payload :
        new String[] {
          "{'target': 'partner-a', 'url': '" + server.url("/admin") + "'}",
          "{'target': 'partner-a', 'url': '" + server.url("/a/../admin") + "'}",
          "{'target': 'partner-a', 'url': '" + server.url("/a/%2e%2e/admin") + "'}",
          "{'target': 'partner-a', 'url': '" + otherHost.url("/a/") + "'}",
          "{'target': 'partner-c'}",
          "{'target': 7}",
          // Only targets are configured: a job must name one.
          "{'url': '" + server.url("/a/") + "'}",
        }) {
      assertThrows(
          NonRetryableException.class, () -> call.post(JOB, Json.object(payload)), payload);
    }
    assertEquals(0, server.received().size());
  }

  @Test
  void credentialsComeFromConfigurationNeverFromAPayload() {
    server.on("/hook", respond(200, "ok"));

    NonRetryableException refused =
        assertThrows(
            NonRetryableException.class,
            () -> call().post(JOB, Json.object("{'headers': {'Authorization': 'Bearer leaked'}}")));

    assertTrue(refused.getMessage().contains("Authorization"), refused.getMessage());
    assertEquals(0, server.received().size());
  }

  private static String hmacSha256Hex(String secret, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }
}
