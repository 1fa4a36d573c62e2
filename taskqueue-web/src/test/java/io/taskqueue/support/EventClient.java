package io.taskqueue.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A WebSocket client of {@code /ws/events} (the JDK's), keeping every message with the instant it
 * arrived, and how the server closed the connection.
 */
public final class EventClient implements AutoCloseable {

  /** A message as received. */
  public record Received(JsonObject json, Instant at) {
    public String type() {
      return json.getString("type", json.getString("action", ""));
    }
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CompletableFuture<String> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private EventClient(URI uri) {
    this(uri, Api.ADMIN_KEY);
  }

  private EventClient(URI uri, String key) {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    socket = builder.buildAsync(uri, new Collector()).join();
  }

  /**
   * Opens the deployment's feed with {@code query} and no Authorization header (so only a ticket in
   * the query can admit it); fails with the handshake's refusal.
   */
  public static EventClient connectAnonymously(URL deployment, String query) {
    return connectAs(deployment, query, null);
  }

  /** Opens the feed sending {@code key} as a bearer secret (none when null). */
  public static EventClient connectAs(URL deployment, String query, String key) {
    String path =
        deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
    return new EventClient(
        URI.create("ws://127.0.0.1:" + deployment.getPort() + path + "ws/events" + query), key);
  }

  /** Connects to the deployment's feed with a query string ("" for none). */
  public static EventClient connect(URL deployment, String query) {
    String path =
        deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
    return new EventClient(
        URI.create("ws://127.0.0.1:" + deployment.getPort() + path + "ws/events" + query));
  }

  /** Connects to a node on this machine by port and waits for the opening message. */
  public static EventClient listening(int port, String query) {
    return await(new EventClient(URI.create("ws://127.0.0.1:" + port + "/ws/events" + query)));
  }

  /** Connects and waits for the opening message, after which the client hears every event. */
  public static EventClient listening(URL deployment, String query) {
    return await(connect(deployment, query));
  }

  private static EventClient await(EventClient client) {
    return client.opened();
  }

  /** Waits for the opening message, after which the client hears every event. */
  public EventClient opened() {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> !received(j -> j.containsKey("action")).isEmpty());
    return this;
  }

  public void send(String text) {
    socket.sendText(text, true).join();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public List<Received> received(Predicate<JsonObject> which) {
    return received.stream().filter(r -> which.test(r.json())).toList();
  }

  /** Done with "code reason" once the server closed the connection. */
  public CompletableFuture<String> closed() {
    return closed;
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Collector implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        Instant at = Instant.now();
        JsonObject json = Json.createReader(new StringReader(partial.toString())).readObject();
        received.add(new Received(json, at));
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
      closed.complete(code + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.complete("error " + error);
    }
  }
}
