package io.taskqueue.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.taskqueue.client.entity.Job;
import io.taskqueue.client.entity.JobRequest;
import io.taskqueue.client.entity.Priority;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the client does with each kind of answer, against a real HTTP server on 127.0.0.1 that plays
 * back scripted answers and records what it was sent. The same client against the deployed
 * application is {@code JavaClientIT} in taskqueue-web.
 */
class TaskQueueClientTest {

  private static final String JOB =
      "{\"id\":\"0193a0a0-0000-7000-8000-000000000001\",\"type\":\"echo\",\"status\":\"queued\","
          + "\"priority\":\"high\",\"attempt\":0,\"maxAttempts\":4,"
          + "\"createdAt\":\"2026-12-08T03:00:00.123456Z\",\"payload\":{\"to\":\"ada\"}}";

  /** An answer to play: a status, headers, a body. */
  private record Answer(int status, Map<String, String> headers, String body) {}

  /** Drops the connection without an answer. */
  private static final Answer DROP = new Answer(0, Map.of(), "");

  private record Received(String method, String uri, Map<String, String> headers, String body) {}

  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private TaskQueueClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    client = client(5);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aSubmitThatMeets503IsSentAgainWithTheSameIdempotencyKey() {
    script.add(problem(503, "unavailable", Map.of("Retry-After", "0")));
    script.add(new Answer(201, Map.of(), JOB));

    Job job =
        client
            .jobs()
            .submit(JobRequest.of("echo", Map.of("to", "ada")).withPriority(Priority.HIGH));

    assertEquals(UUID.fromString("0193a0a0-0000-7000-8000-000000000001"), job.id());
    assertEquals("ada", job.payload().asJsonObject().getString("to"));
    assertEquals(2, received.size());
    String key = received.get(0).headers().get("idempotency-key");
    assertEquals(36, key.length(), "a fresh UUID");
    assertEquals(key, received.get(1).headers().get("idempotency-key"));
    assertEquals("Bearer tq_test", received.get(1).headers().get("authorization"));
    assertEquals(
        "{\"payload\":{\"to\":\"ada\"},\"priority\":\"high\",\"type\":\"echo\"}",
        received.get(0).body(),
        "nulls are left out, so that the server's defaults apply");
  }

  @Test
  void aReadWhoseConnectionDropsIsSentAgainButACancelIsNot() {
    script.add(DROP);
    script.add(new Answer(200, Map.of(), JOB));
    client.jobs().get(UUID.randomUUID());
    assertEquals(2, received.size(), "a read is repeated");

    received.clear();
    script.add(DROP);
    assertThrows(UnavailableException.class, () -> client.jobs().cancel(UUID.randomUUID()));
    assertEquals(1, received.size(), "a cancel whose answer was lost may have happened");
  }

  @Test
  void problemsBecomeTheirTypedExceptions() {
    TaskQueueClient once = client(1);
    script.add(problem(400, "invalid-job", Map.of()));
    InvalidRequestException invalid =
        assertThrows(InvalidRequestException.class, () -> once.jobs().submit(JobRequest.of("x")));
    assertEquals("urn:taskqueue:problem:invalid-job", invalid.problem().type());
    assertEquals(400, invalid.status());

    script.add(problem(401, "unauthorized", Map.of()));
    assertThrows(UnauthorizedException.class, () -> once.me());
    script.add(problem(403, "forbidden", Map.of()));
    assertThrows(ForbiddenException.class, () -> once.stats());
    script.add(problem(404, "job-not-found", Map.of()));
    assertThrows(NotFoundException.class, () -> once.jobs().get(UUID.randomUUID()));
    script.add(problem(409, "job-finished", Map.of()));
    assertThrows(ConflictException.class, () -> once.jobs().cancel(UUID.randomUUID()));
    script.add(problem(429, "rate-limited", Map.of("Retry-After", "7")));
    RateLimitedException limited =
        assertThrows(RateLimitedException.class, () -> once.jobs().submit(JobRequest.of("x")));
    assertEquals(Duration.ofSeconds(7), limited.retryAfter());
    script.add(new Answer(500, Map.of("Content-Type", "text/html"), "<html>oops</html>"));
    TaskQueueException other = assertThrows(TaskQueueException.class, () -> once.me());
    assertEquals(500, other.status());
    assertEquals(null, other.problem());
  }

  @Test
  void aRefusalThatLastsEndsTheRetriesWithItsException() {
    for (int i = 0; i < 5; i++) {
      script.add(problem(503, "unavailable", Map.of("Retry-After", "0")));
    }
    UnavailableException unavailable =
        assertThrows(UnavailableException.class, () -> client.stats());
    assertEquals(503, unavailable.status());
    assertEquals(5, received.size(), "sent as often as the client allows, then given up");
  }

  @Test
  void aListFetchesItsPagesOnlyAsTheStreamReachesThem() {
    String page1 = "{\"items\":[" + JOB + "," + JOB + "],\"nextCursor\":\"c1\"}";
    String page2 = "{\"items\":[" + JOB + "]}";
    script.add(new Answer(200, Map.of(), page1));
    script.add(new Answer(200, Map.of(), page2));

    assertEquals(1, client.jobs().list(JobQuery.all().withPageSize(2)).limit(1).count());
    assertEquals(1, received.size());

    script.clear();
    received.clear();
    script.add(new Answer(200, Map.of(), page1));
    script.add(new Answer(200, Map.of(), page2));
    assertEquals(3, client.jobs().list(JobQuery.all().withType("echo")).count());
    assertEquals(
        List.of("/api/jobs?type=echo", "/api/jobs?type=echo&cursor=c1"),
        received.stream().map(Received::uri).collect(Collectors.toList()));
  }

  // --- helpers

  private TaskQueueClient client(int attempts) {
    return TaskQueueClient.builder(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
        .apiKey("tq_test")
        .retries(attempts, Duration.ofMillis(1), Duration.ofMillis(5))
        .build();
  }

  private static Answer problem(int status, String slug, Map<String, String> headers) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put("Content-Type", "application/problem+json");
    return new Answer(
        status,
        all,
        "{\"type\":\"urn:taskqueue:problem:"
            + slug
            + "\",\"title\":\"t\",\"status\":"
            + status
            + ",\"detail\":\"d\"}");
  }

  private void answer(HttpExchange exchange) throws IOException {
    Map<String, String> headers =
        exchange.getRequestHeaders().entrySet().stream()
            .collect(Collectors.toMap(h -> h.getKey().toLowerCase(), h -> h.getValue().get(0)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(
        new Received(
            exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
    Answer answer = script.poll();
    if (answer == null || answer == DROP) {
      exchange.close(); // no status line: the client sees the connection end unanswered
      return;
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    if (!answer.headers().containsKey("Content-Type")) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
