package io.taskqueue.events.boundary;

import io.taskqueue.events.control.EventFilter;
import io.taskqueue.events.control.EventSessions;
import io.taskqueue.events.control.SessionFeed;
import io.taskqueue.events.entity.FeedError;
import io.taskqueue.events.entity.Subscription;
import io.taskqueue.security.entity.SignIn;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /ws/events}: every node's events, as JSON text messages, one per event. Filter with query
 * parameters {@code types}, {@code jobTypes}, {@code jobIds} (comma-separated), or at any time with
 * a subscribe message (see {@link Subscription}), which replaces the filter and is answered with
 * the filter now in force (as is the opening message). Control messages carry {@code action},
 * events {@code type}. The feed pings as it sends, and waits for the pongs that every WebSocket
 * stack sends back: a client that does not keep up is closed with code 1013. A client whose API key
 * is revoked or expires, or whose token expires, is closed with code 1008 within seconds.
 */
@ServerEndpoint(value = "/ws/events", configurator = SignedInHandshake.class)
public class EventsEndpoint {

  /** A subscribe message longer than this is refused: it is a filter, not a payload. */
  static final int MAX_MESSAGE_CHARS = 64 * 1024;

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject EventSessions sessions;

  @OnOpen
  public void open(Session session) throws IOException {
    session.setMaxTextMessageBufferSize(MAX_MESSAGE_CHARS);
    if (!(session.getUserProperties().get(SignedInHandshake.SIGN_IN) instanceof SignIn signIn)) {
      // Without it the feed could not be closed when the key is revoked: refuse rather than serve.
      session.close(new CloseReason(CloseCodes.VIOLATED_POLICY, "sign-in unknown; connect again"));
      return;
    }
    Map<String, List<String>> query = session.getRequestParameterMap();
    EventFilter filter;
    try {
      filter =
          EventFilter.fromQuery(
              first(query, "types"), first(query, "jobTypes"), first(query, "jobIds"));
    } catch (IllegalArgumentException e) {
      session.close(new CloseReason(CloseCodes.CANNOT_ACCEPT, bounded(e.getMessage())));
      return;
    }
    String caller = session.getUserPrincipal() == null ? "" : session.getUserPrincipal().getName();
    Optional<SessionFeed> feed = sessions.open(session, filter, signIn, caller);
    if (feed.isEmpty()) {
      session.close(
          new CloseReason(
              CloseCodes.TRY_AGAIN_LATER,
              "too many event clients, on this node or of this caller"));
      return;
    }
    // The first message: the filter in force, which also tells the client it is now listening.
    feed.get().offer(JSONB.toJson(filter.describe()));
  }

  @OnMessage
  public void message(Session session, String text) {
    Optional<SessionFeed> feed = sessions.feed(session);
    if (feed.isEmpty()) {
      return;
    }
    String answer;
    try {
      Subscription request = JSONB.fromJson(text, Subscription.class);
      if (request == null || !"subscribe".equals(request.action())) {
        throw new IllegalArgumentException("expected {\"action\":\"subscribe\", ...}");
      }
      EventFilter filter = EventFilter.of(request);
      feed.get().filter(filter);
      answer = JSONB.toJson(filter.describe());
    } catch (JsonbException e) {
      answer = JSONB.toJson(FeedError.of("not a subscribe message: malformed JSON"));
    } catch (IllegalArgumentException e) {
      answer = JSONB.toJson(FeedError.of(e.getMessage()));
    }
    if (!feed.get().offer(answer)) {
      sessions.drop(feed.get());
    }
  }

  /** The client's answer to a feed's ping: how far it has read. */
  @OnMessage
  public void pong(Session session, PongMessage pong) {
    sessions.feed(session).ifPresent(feed -> feed.confirmed(pong.getApplicationData()));
  }

  @OnClose
  public void close(Session session) {
    sessions.closed(session);
  }

  @OnError
  public void error(Session session, Throwable error) {
    sessions.closed(session);
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }

  /** Close reasons are limited to 123 bytes by the protocol. */
  private static String bounded(String reason) {
    return reason.length() <= 120 ? reason : reason.substring(0, 117) + "...";
  }
}
