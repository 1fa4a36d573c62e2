package io.taskqueue.events.boundary;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.support.Api.Reply;
import io.taskqueue.support.DeployedWar;
import io.taskqueue.support.EventClient;
import io.taskqueue.support.EventClient.Received;
import io.taskqueue.support.StalledEventClient;
import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The {@code /ws/events} feed of the deployed WAR, heard by real WebSocket clients. */
class EventsFeedIT extends DeployedWar {

  @Test
  void aClientHearsEveryStepOfAJobInOrder() {
    try (EventClient feed = EventClient.listening(deployment, "")) {
      String id = submit("{\"type\":\"echo\",\"payload\":{\"n\":1},\"priority\":\"high\"}");

      await().atMost(15, SECONDS).until(() -> typesOf(feed, id).contains("job.completed"));

      assertEquals(List.of("job.created", "job.started", "job.completed"), typesOf(feed, id));
      List<Received> events = ofJob(feed, id);
      for (Received e : events) {
        assertEquals("echo", e.json().getString("jobType"));
        assertEquals("high", e.json().getString("priority"));
      }
      JsonObject started = events.get(1).json();
      JsonObject completed = events.get(2).json();
      assertEquals(1, started.getInt("attempt"));
      assertEquals("running", started.getString("status"));
      assertTrue(started.getString("workerId").matches(".+/w\\d+"), started.toString());
      assertTrue(started.getJsonNumber("waitMs").longValue() >= 0, started.toString());
      assertEquals("completed", completed.getString("status"));
      assertEquals(started.getString("workerId"), completed.getString("workerId"));
      assertTrue(completed.getJsonNumber("durationMs").longValue() >= 0, completed.toString());
    }
  }

  @Test
  void aFailingJobReportsEachFailedAttemptThenItsDeath() {
    try (EventClient feed = EventClient.listening(deployment, "")) {
      String id = submit("{\"type\":\"fail\",\"maxAttempts\":2,\"priority\":\"high\"}");

      await().atMost(15, SECONDS).until(() -> typesOf(feed, id).contains("job.dead"));

      assertEquals(
          List.of(
              "job.created",
              "job.started",
              "job.failed",
              "job.retrying",
              "job.started",
              "job.failed",
              "job.dead"),
          typesOf(feed, id));
      JsonObject lastFailure = ofJob(feed, id).get(5).json();
      assertEquals(2, lastFailure.getInt("attempt"));
      assertEquals("dead", lastFailure.getString("status"));
      assertTrue(
          lastFailure.getString("error").contains("attempt 2 fails"), lastFailure.toString());
    }
  }

  @Test
  void aFilteredClientHearsOnlyWhatItAskedForAndMayChangeItsFilter() {
    try (EventClient feed =
        EventClient.listening(deployment, "?types=job.completed&jobTypes=echo")) {
      JsonObject greeting = feed.received().get(0).json();
      assertEquals("subscribed", greeting.getString("action"));
      assertEquals(List.of("job.completed"), strings(greeting, "types"));

      Set<String> echoes =
          Set.of(
              submit("{\"type\":\"echo\",\"priority\":\"high\"}"),
              submit("{\"type\":\"echo\",\"priority\":\"high\"}"));
      String noop = submit("{\"type\":\"noop\",\"priority\":\"high\"}");
      await()
          .atMost(15, SECONDS)
          .until(() -> idsOf(feed).containsAll(echoes) && "completed".equals(status(noop)));

      List<Received> events = feed.received(j -> j.containsKey("jobId"));
      assertTrue(
          events.stream()
              .allMatch(
                  e ->
                      e.type().equals("job.completed")
                          && "echo".equals(e.json().getString("jobType"))),
          events.toString());
      assertFalse(idsOf(feed).contains(noop));

      feed.send("{\"action\":\"subscribe\",\"types\":[\"job.dead\"]}");
      await()
          .atMost(10, SECONDS)
          .until(
              () -> feed.received(j -> "subscribed".equals(j.getString("action", ""))).size() == 2);
      String dead = submit("{\"type\":\"fail\",\"maxAttempts\":1,\"priority\":\"high\"}");
      String echo = submit("{\"type\":\"echo\",\"priority\":\"high\"}");
      await()
          .atMost(15, SECONDS)
          .until(() -> idsOf(feed).contains(dead) && "completed".equals(status(echo)));
      assertEquals(
          List.of("job.dead"),
          ofJob(feed, dead).stream().map(Received::type).toList(),
          "after the new filter only job.dead is heard");
      assertFalse(idsOf(feed).contains(echo));
    }
  }

  @Test
  void badFiltersAreRefusedWithAReason() throws Exception {
    try (EventClient refused = EventClient.connect(deployment, "?types=job.bogus")) {
      String close = refused.closed().get(10, SECONDS);
      assertTrue(close.startsWith("1003 unknown event type 'job.bogus'"), close);
    }
    try (EventClient feed = EventClient.listening(deployment, "")) {
      feed.send("{not json");
      feed.send("{\"action\":\"subscribe\",\"jobIds\":[\"not-a-uuid\"]}");
      await().atMost(10, SECONDS).until(() -> errors(feed).size() == 2);
      assertEquals(
          List.of("not a subscribe message: malformed JSON", "not a job id: 'not-a-uuid'"),
          errors(feed));
      assertFalse(feed.closed().isDone(), "a bad message does not cost the connection");
    }
  }

  @Test
  void aClientThatStopsReadingIsDroppedWhileOthersHearEverything() throws Exception {
    long droppedBefore = gauge("taskqueue_ws_dropped");
    long heapBefore = gauge("memory_usedHeap_bytes");
    AtomicLong mostBuffered = new AtomicLong();
    try (StalledEventClient stalled = new StalledEventClient(deployment);
        EventClient healthy = EventClient.listening(deployment, "?types=job.created")) {
      Set<String> ids = new HashSet<>();
      for (int batch = 0; batch < 8; batch++) {
        ids.addAll(submitBatch(1_000));
        mostBuffered.accumulateAndGet(gauge("taskqueue_ws_buffered"), Math::max);
      }
      await()
          .atMost(120, SECONDS)
          .until(
              () -> {
                mostBuffered.accumulateAndGet(gauge("taskqueue_ws_buffered"), Math::max);
                return gauge("taskqueue_ws_dropped") > droppedBefore;
              });
      await()
          .atMost(60, SECONDS)
          .until(() -> idsOf(healthy).containsAll(ids) || healthy.closed().isDone());

      assertFalse(
          healthy.closed().isDone(),
          "the reading client stays connected; closed: " + healthy.closed().getNow(""));
      assertEquals(droppedBefore + 1, gauge("taskqueue_ws_dropped"), "only the stalled client");
      // Per client: 9,000 waiting (the test's limit) + 256 sent and unconfirmed; two clients.
      assertTrue(mostBuffered.get() <= 2 * (9_000 + 256), "held at most " + mostBuffered);
      System.out.printf(
          "WS slow client: dropped after 8,000 jobs; most messages held %d; heap %d MB -> %d MB%n",
          mostBuffered.get(), heapBefore >> 20, gauge("memory_usedHeap_bytes") >> 20);
    }
    // Leave no backlog to the next test.
    await()
        .atMost(120, SECONDS)
        .until(
            () -> {
              JsonObject totals = api.get("api/stats").json().getJsonObject("totals");
              return totals.getInt("queued") + totals.getInt("running") == 0;
            });
  }

  // --- helpers

  private String submit(String job) {
    Reply reply = api.post("api/jobs", job);
    assertEquals(201, reply.status(), reply.body());
    return reply.json().getString("id");
  }

  private List<String> submitBatch(int size) {
    String body =
        IntStream.range(0, size)
            .mapToObj(i -> "{\"type\":\"noop\"}")
            .collect(Collectors.joining(",", "[", "]"));
    Reply reply = api.post("api/jobs/batch", body);
    assertEquals(201, reply.status(), reply.body());
    return reply.json().getJsonArray("ids").stream()
        .map(v -> ((jakarta.json.JsonString) v).getString())
        .toList();
  }

  private String status(String id) {
    return api.get("api/jobs/" + id).json().getString("status");
  }

  private long gauge(String name) {
    String text = api.getFromRoot("/metrics").body();
    Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.E+]+)$").matcher(text);
    return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
  }

  private static List<Received> ofJob(EventClient feed, String id) {
    return feed.received(j -> id.equals(j.getString("jobId", null)));
  }

  private static List<String> typesOf(EventClient feed, String id) {
    return ofJob(feed, id).stream().map(Received::type).toList();
  }

  private static Set<String> idsOf(EventClient feed) {
    return feed.received(j -> j.containsKey("jobId")).stream()
        .map(r -> r.json().getString("jobId"))
        .collect(Collectors.toSet());
  }

  private static List<String> errors(EventClient feed) {
    return feed.received(j -> "error".equals(j.getString("action", ""))).stream()
        .map(r -> r.json().getString("detail"))
        .toList();
  }

  private static List<String> strings(JsonObject json, String key) {
    return json.getJsonArray(key).stream()
        .map(v -> ((jakarta.json.JsonString) v).getString())
        .toList();
  }
}
