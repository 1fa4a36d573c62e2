package io.taskqueue.security.boundary;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.support.DeployedWar;
import io.taskqueue.support.EventClient;
import io.taskqueue.support.TestTokens;
import jakarta.json.JsonObject;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The event WebSocket admits a handshake only with a live one-time ticket or a bearer secret of a
 * viewer; the ticket travels in the URL, so it works once and expires in seconds. A feed lasts only
 * as long as the credential that opened it: a revoked key or an expired token closes it (1008).
 */
class EventFeedAuthIT extends DeployedWar {

  @Test
  void aHandshakeWithNeitherTicketNorKeyIsRefused() {
    assertRefused(401, () -> EventClient.connectAnonymously(deployment, ""));
  }

  @Test
  void anUnknownTicketIsRefused() {
    assertRefused(401, () -> EventClient.connectAnonymously(deployment, "?ticket=tq_unknown"));
  }

  @Test
  void aTicketAdmitsOnceAndTheFeedRelaysEvents() {
    String ticket = api.post("api/ws-ticket", "").json().getString("ticket");
    try (EventClient feed = EventClient.connectAnonymously(deployment, "?ticket=" + ticket)) {
      feed.opened();
      String id = api.post("api/jobs", "{\"type\":\"noop\"}").json().getString("id");
      await()
          .atMost(30, SECONDS)
          .until(() -> !feed.received(e -> id.equals(e.getString("jobId", null))).isEmpty());
    }
    assertRefused(401, () -> EventClient.connectAnonymously(deployment, "?ticket=" + ticket));
  }

  @Test
  void aCallerWhoIsNotAViewerIsRefused() {
    String submitter =
        api.post(
                "api/keys",
                "{\"name\":\"feed-submitter-" + System.nanoTime() + "\",\"roles\":[\"submitter\"]}")
            .json()
            .getString("secret");
    assertEquals(403, api.as(submitter).post("api/ws-ticket", "").status());
    assertRefused(403, () -> EventClient.connectAs(deployment, "", submitter));
  }

  @Test
  void aFeedOpenedWithAKeyIsClosedWithinSecondsOfItsRevocation() {
    JsonObject key = viewerKey("feed-revoked");
    try (EventClient feed = EventClient.connectAs(deployment, "", key.getString("secret"))) {
      feed.opened();
      assertEquals(200, api.delete("api/keys/" + key.getJsonNumber("id").longValue()).status());
      await().atMost(10, SECONDS).until(feed.closed()::isDone);
      assertTrue(feed.closed().join().startsWith("1008 "), feed.closed().join());
    }
  }

  @Test
  void aFeedOpenedWithATicketClosesWhenTheKeyThatAskedForItIsRevoked() {
    JsonObject key = viewerKey("feed-ticket-revoked");
    String ticket =
        api.as(key.getString("secret")).post("api/ws-ticket", "").json().getString("ticket");
    try (EventClient feed = EventClient.connectAnonymously(deployment, "?ticket=" + ticket)) {
      feed.opened();
      api.delete("api/keys/" + key.getJsonNumber("id").longValue());
      await().atMost(10, SECONDS).until(feed.closed()::isDone);
      assertTrue(feed.closed().join().startsWith("1008 "), feed.closed().join());
    }
  }

  @Test
  void aFeedOpenedWithALiveKeyStaysOpen() {
    JsonObject key = viewerKey("feed-kept");
    try (EventClient feed = EventClient.connectAs(deployment, "", key.getString("secret"))) {
      feed.opened();
      String id = api.post("api/jobs", "{\"type\":\"noop\"}").json().getString("id");
      await()
          .atMost(30, SECONDS)
          .until(() -> !feed.received(e -> id.equals(e.getString("jobId", null))).isEmpty());
      // Several re-checks (every 2 s) pass, and the feed stays.
      await().during(5, SECONDS).atMost(10, SECONDS).until(() -> !feed.closed().isDone());
    }
  }

  @Test
  void aFeedOpenedWithATokenClosesOnceTheTokenExpires() {
    // Tokens are accepted up to 30 s past exp (clock skew), and so is the feed.
    String token = TestTokens.token("feed-jwt-" + System.nanoTime(), List.of("viewer"), 3);
    try (EventClient feed = EventClient.connectAs(deployment, "", token)) {
      feed.opened();
      await().atMost(60, SECONDS).until(feed.closed()::isDone);
      assertTrue(feed.closed().join().startsWith("1008 "), feed.closed().join());
    }
  }

  private JsonObject viewerKey(String name) {
    return api.post(
            "api/keys",
            "{\"name\":\"" + name + "-" + System.nanoTime() + "\",\"roles\":[\"viewer\"]}")
        .json();
  }

  private static void assertRefused(int status, Executable connect) {
    CompletionException refused = assertThrows(CompletionException.class, connect);
    WebSocketHandshakeException handshake =
        assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
    assertEquals(status, handshake.getResponse().statusCode());
  }
}
