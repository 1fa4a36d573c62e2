package io.taskqueue.events.control;

import io.taskqueue.job.entity.JobEvent;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Random;

/**
 * One client's feed, with end-to-end flow control. The container's write completions cannot be
 * trusted for this (Payara reports a message sent once it is queued, and queues without bound), so
 * the client's own pongs are: every {@link #PING_EVERY} messages the feed sends a ping, and a
 * client's WebSocket stack answers it only after reading everything before it. At most {@link
 * #WINDOW} messages go out unanswered; the rest wait here, compactly, up to {@code maxPending}
 * messages and {@code maxPendingBytes} bytes. A client that stops reading fills both, and {@link
 * #offer} answers false: the caller drops it. Nothing here ever blocks the thread that relays
 * events.
 *
 * <p>A pong counts only if it echoes an outstanding ping exactly: each ping carries a random nonce
 * besides the count it stands for, so a client cannot keep the window open with pongs it makes up
 * (unsolicited pongs are legal in WebSocket and reach us like answers). To learn a nonce the client
 * must have taken every byte sent before it off the connection.
 */
public final class SessionFeed {

  /** Messages sent and not yet confirmed by a pong: bounds what the container buffers. */
  static final int WINDOW = 256;

  static final int PING_EVERY = 64;

  /** Nonce and count, eight bytes each. */
  static final int PING_BYTES = 2 * Long.BYTES;

  /**
   * Pings awaiting their pong. Pings go out at most every {@link #PING_EVERY} messages of a {@link
   * #WINDOW}, plus one when the window fills, so a handful are outstanding; the oldest are
   * forgotten beyond this (an answer to a newer one confirms them anyway).
   */
  static final int MAX_OUTSTANDING_PINGS = 2 * WINDOW / PING_EVERY + 2;

  private static final Random NONCES = new SecureRandom();

  private final Session session;
  private final int limit;
  private final long maxPendingBytes;
  private final Queue<String> pending = new ArrayDeque<>();
  private final LinkedHashMap<Long, Long> outstanding = new LinkedHashMap<>();
  private volatile EventFilter filter;
  private long pendingBytes;
  private long sent;
  private long confirmed;
  private long pinged;
  private boolean closed;

  public SessionFeed(Session session, EventFilter filter, int limit, long maxPendingBytes) {
    this.session = session;
    this.filter = filter;
    this.limit = limit;
    this.maxPendingBytes = maxPendingBytes;
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
    long bytes = utf8Length(json);
    if (pending.size() >= limit || pendingBytes + bytes > maxPendingBytes) {
      close();
      return false;
    }
    pending.add(json);
    pendingBytes += bytes;
    pump();
    return !closed;
  }

  /**
   * A pong arrived. If it echoes one of the feed's outstanding pings, the client has read every
   * message up to that ping's count; anything else (a keep-alive's answer, a made-up pong) is
   * ignored.
   */
  public synchronized void confirmed(ByteBuffer pong) {
    if (pong.remaining() != PING_BYTES) {
      return;
    }
    long nonce = pong.getLong(pong.position());
    long count = pong.getLong(pong.position() + Long.BYTES);
    Long expected = outstanding.get(nonce);
    if (expected == null || expected != count) {
      return;
    }
    // Pongs come in order, and a stack may answer only the latest ping: older ones are settled.
    for (Iterator<Map.Entry<Long, Long>> it = outstanding.entrySet().iterator(); it.hasNext(); ) {
      boolean answered = it.next().getKey() == nonce;
      it.remove();
      if (answered) {
        break;
      }
    }
    if (count > confirmed) {
      confirmed = count;
      pump();
    }
  }

  /**
   * A keep-alive ping (for proxies that drop idle connections). It asks for a confirmation like
   * every other ping: a client stack may answer only the last of several pings (the JDK's does),
   * and an empty keep-alive answered in place of a feed's ping would leave the window shut for
   * good.
   */
  public synchronized void keepAlive() {
    if (closed) {
      return;
    }
    try {
      ping();
    } catch (IOException | RuntimeException e) {
      close();
    }
  }

  public synchronized int pendingCount() {
    return pending.size();
  }

  public synchronized long pendingBytes() {
    return pendingBytes;
  }

  public synchronized long unconfirmedCount() {
    return sent - confirmed;
  }

  public synchronized void close() {
    closed = true;
    pending.clear();
    pendingBytes = 0;
    outstanding.clear();
  }

  private void pump() {
    try {
      while (!closed && !pending.isEmpty() && sent - confirmed < WINDOW) {
        String json = pending.poll();
        pendingBytes -= utf8Length(json);
        session.getAsyncRemote().sendText(json);
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
    long nonce = NONCES.nextLong();
    outstanding.put(nonce, sent);
    if (outstanding.size() > MAX_OUTSTANDING_PINGS) {
      outstanding.remove(outstanding.keySet().iterator().next());
    }
    session
        .getAsyncRemote()
        .sendPing(ByteBuffer.allocate(PING_BYTES).putLong(0, nonce).putLong(Long.BYTES, sent));
  }

  /** The size of {@code text} in UTF-8, as it goes on the wire, without encoding it. */
  static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // A surrogate pair is four bytes: two for each half.
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }
}
