package io.taskqueue.events.control;

import io.taskqueue.events.entity.JobEvent;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * One client's feed, with end-to-end flow control. The container's write completions cannot be
 * trusted for this (Payara reports a message sent once it is queued, and queues without bound), so
 * the client's own pongs are: every {@link #PING_EVERY} messages the feed sends a ping carrying the
 * number of messages sent so far, and a client's WebSocket stack answers it only after reading
 * everything before it. At most {@link #WINDOW} messages go out unanswered; the rest wait here,
 * compactly, up to {@code limit}. A client that stops reading fills both, and {@link #offer}
 * answers false: the caller drops it. Nothing here ever blocks the thread that relays events.
 */
public final class SessionFeed {

  /** Messages sent and not yet confirmed by a pong: bounds what the container buffers. */
  static final int WINDOW = 256;

  static final int PING_EVERY = 64;

  private final Session session;
  private final int limit;
  private final Queue<String> pending = new ArrayDeque<>();
  private volatile EventFilter filter;
  private long sent;
  private long confirmed;
  private long pinged;
  private boolean closed;

  public SessionFeed(Session session, EventFilter filter, int limit) {
    this.session = session;
    this.filter = filter;
    this.limit = limit;
  }

  public Session session() {
    return session;
  }

  public void filter(EventFilter newFilter) {
    this.filter = newFilter;
  }

  public boolean wants(JobEvent event) {
    return filter.matches(event);
  }

  /** Queues a message; false when the client is too far behind (or gone) and must be dropped. */
  public synchronized boolean offer(String json) {
    if (closed) {
      return false;
    }
    if (pending.size() >= limit) {
      close();
      return false;
    }
    pending.add(json);
    pump();
    return !closed;
  }

  /** A pong arrived: the client has read every message up to {@code count}. */
  public synchronized void confirmed(long count) {
    if (count > confirmed && count <= sent) {
      confirmed = count;
      pump();
    }
  }

  public synchronized int pendingCount() {
    return pending.size();
  }

  public synchronized long unconfirmedCount() {
    return sent - confirmed;
  }

  public synchronized void close() {
    closed = true;
    pending.clear();
  }

  private void pump() {
    try {
      while (!closed && !pending.isEmpty() && sent - confirmed < WINDOW) {
        session.getAsyncRemote().sendText(pending.poll());
        sent++;
        if (sent - pinged >= PING_EVERY) {
          ping();
        }
      }
      if (sent > pinged && !pending.isEmpty()) {
        ping();
      }
    } catch (IOException | RuntimeException e) {
      close();
    }
  }

  private void ping() throws IOException {
    pinged = sent;
    session.getAsyncRemote().sendPing(ByteBuffer.allocate(Long.BYTES).putLong(0, sent));
  }

  /** The count a pong carries, or -1 when it is not one of the feed's (a keep-alive's). */
  public static long countIn(ByteBuffer pong) {
    return pong.remaining() == Long.BYTES ? pong.getLong(pong.position()) : -1;
  }
}
