package io.taskqueue.client;

import io.taskqueue.client.control.Transport;
import io.taskqueue.client.entity.Event;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The live feed ({@code /ws/events}, viewer role): every state change in the cluster, as it
 * happens. The handshake carries the client's credentials; a feed that ends (the node stopped, the
 * network failed) completes {@link Subscription#closed()} and is not reopened by itself.
 */
public final class EventFeed {

  private final Transport transport;

  EventFeed(Transport transport) {
    this.transport = transport;
  }

  /** Opens the feed; {@code listener} is called for each event, one at a time, in order. */
  public Subscription subscribe(Consumer<Event> listener) {
    URI base = transport.base();
    URI uri = URI.create(base.toString().replaceFirst("^http", "ws") + "ws/events");
    CompletableFuture<Void> closed = new CompletableFuture<>();
    WebSocket.Builder builder = transport.http().newWebSocketBuilder();
    String credentials = transport.authorization();
    if (credentials != null) {
      builder.header("Authorization", credentials);
    }
    try {
      WebSocket socket =
          builder
              .connectTimeout(Duration.ofSeconds(10))
              .buildAsync(uri, new Relay(listener, closed))
              .get(15, TimeUnit.SECONDS);
      return new Subscription(socket, closed);
    } catch (ExecutionException e) {
      throw new UnavailableException(
          "The event feed at " + uri + " refused or failed: " + e.getCause(),
          0,
          null,
          null,
          e.getCause());
    } catch (TimeoutException e) {
      throw new UnavailableException(
          "The event feed at " + uri + " did not open", 0, null, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskQueueException("Interrupted while opening the event feed", 0, null, e);
    }
  }

  /** An open feed: close it when done. */
  public static final class Subscription implements AutoCloseable {
    private final WebSocket socket;
    private final CompletableFuture<Void> closed;

    Subscription(WebSocket socket, CompletableFuture<Void> closed) {
      this.socket = socket;
      this.closed = closed;
    }

    /** Completes when the feed ends: normally after {@link #close()}, exceptionally on failure. */
    public CompletionStage<Void> closed() {
      return closed;
    }

    @Override
    public void close() {
      if (!socket.isOutputClosed()) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
      }
      socket.abort();
      closed.complete(null);
    }
  }

  /** Joins a message's frames, reads it as an event, and asks for the next one. */
  private final class Relay implements WebSocket.Listener {
    private final Consumer<Event> listener;
    private final CompletableFuture<Void> closed;
    private final StringBuilder message = new StringBuilder();

    Relay(Consumer<Event> listener, CompletableFuture<Void> closed) {
      this.listener = listener;
      this.closed = closed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      message.append(data);
      if (last) {
        String text = message.toString();
        message.setLength(0);
        try {
          listener.accept(transport.jsonb().fromJson(text, Event.class));
        } catch (RuntimeException e) {
          closed.completeExceptionally(e);
          socket.abort();
          return null;
        }
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      closed.complete(null);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
