package io.taskqueue.security.boundary;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskqueue.support.DeployedWar;
import io.taskqueue.support.EventClient;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The event WebSocket admits a handshake only with a live one-time ticket or a bearer secret of a
 * viewer; the ticket travels in the URL, so it works once and expires in seconds.
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

  private static void assertRefused(int status, Executable connect) {
    CompletionException refused = assertThrows(CompletionException.class, connect);
    WebSocketHandshakeException handshake =
        assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
    assertEquals(status, handshake.getResponse().statusCode());
  }
}
