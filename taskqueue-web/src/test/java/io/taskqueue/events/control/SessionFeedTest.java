package io.taskqueue.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionFeedTest {

  private static final long NO_BYTE_LIMIT = Long.MAX_VALUE;

  private final Session session = mock(Session.class);
  private final RemoteEndpoint.Async remote = mock(RemoteEndpoint.Async.class);

  /** Every ping's payload, as a client's stack would echo it. */
  private final List<ByteBuffer> pings = new ArrayList<>();

  SessionFeedTest() throws Exception {
    when(session.getAsyncRemote()).thenReturn(remote);
    doAnswer(
            call -> {
              ByteBuffer payload = call.getArgument(0);
              pings.add(payload.duplicate());
              return null;
            })
        .when(remote)
        .sendPing(any(ByteBuffer.class));
  }

  @Test
  void atMostAWindowGoesOutUnconfirmedAndPongsReleaseTheRest() {
    SessionFeed feed = new SessionFeed(session, EventFilter.EVERYTHING, 10_000, NO_BYTE_LIMIT);
    for (int i = 0; i < 1_000; i++) {
      assertTrue(feed.offer("m" + i));
    }
    verify(remote, times(SessionFeed.WINDOW)).sendText(anyString());
    assertEquals(1_000 - SessionFeed.WINDOW, feed.pendingCount());
    ByteBuffer last = lastPing();
    assertEquals((long) SessionFeed.WINDOW, countIn(last));

    feed.confirmed(last);

    verify(remote, times(2 * SessionFeed.WINDOW)).sendText(anyString());
    assertEquals(SessionFeed.WINDOW, feed.unconfirmedCount());
  }

  @Test
  void aKeepAliveIsAnsweredInsteadOfTheFeedsPingAndStillOpensTheWindow() {
    SessionFeed feed = new SessionFeed(session, EventFilter.EVERYTHING, 10_000, NO_BYTE_LIMIT);
    for (int i = 0; i < 1_000; i++) {
      assertTrue(feed.offer("m" + i));
    }
    feed.keepAlive();

    // The JDK's stack answers only the last of the pings it has not answered yet.
    feed.confirmed(lastPing());

    verify(remote, times(2 * SessionFeed.WINDOW)).sendText(anyString());
  }

  @Test
  void aClientThatNeverAnswersIsGivenUpOnceItsQueueIsFull() {
    SessionFeed feed = new SessionFeed(session, EventFilter.EVERYTHING, 100, NO_BYTE_LIMIT);
    int accepted = 0;
    while (feed.offer("m") && accepted < 10_000) {
      accepted++;
    }
    assertEquals(SessionFeed.WINDOW + 100, accepted);
    assertFalse(feed.offer("after"), "a dropped feed takes nothing more");
    assertEquals(0, feed.pendingCount());
  }

  @Test
  void forgedPongsDoNotOpenTheWindow() {
    SessionFeed feed = new SessionFeed(session, EventFilter.EVERYTHING, 100, NO_BYTE_LIMIT);
    for (int i = 0; i < SessionFeed.WINDOW + 50; i++) {
      assertTrue(feed.offer("m" + i));
    }
    // What the old feed accepted: a bare count, as a client that reads nothing could send.
    feed.confirmed(ByteBuffer.allocate(Long.BYTES).putLong(0, SessionFeed.WINDOW));
    // A guessed nonce with the right count.
    feed.confirmed(pong(42L, SessionFeed.WINDOW));
    // A real ping's nonce with a count inflated beyond what that ping stood for.
    feed.confirmed(pong(nonceIn(pings.get(0)), SessionFeed.WINDOW));

    verify(remote, times(SessionFeed.WINDOW)).sendText(anyString());
    assertEquals(SessionFeed.WINDOW, feed.unconfirmedCount());
    assertEquals(50, feed.pendingCount());
  }

  @Test
  void aClientThatOnlySendsForgedPongsIsStillDroppedWhenItsQueueFills() {
    SessionFeed feed = new SessionFeed(session, EventFilter.EVERYTHING, 100, NO_BYTE_LIMIT);
    int accepted = 0;
    while (feed.offer("m") && accepted < 10_000) {
      accepted++;
      feed.confirmed(pong(accepted, accepted));
      feed.confirmed(ByteBuffer.allocate(Long.BYTES).putLong(0, accepted));
    }
    assertEquals(SessionFeed.WINDOW + 100, accepted);
  }

  @Test
  void anEchoedPingConfirmsOnlyUpToItsOwnCount() {
    SessionFeed feed = new SessionFeed(session, EventFilter.EVERYTHING, 10_000, NO_BYTE_LIMIT);
    for (int i = 0; i < 1_000; i++) {
      feed.offer("m" + i);
    }
    ByteBuffer first = pings.get(0);
    assertEquals((long) SessionFeed.PING_EVERY, countIn(first));

    feed.confirmed(first.duplicate());

    verify(remote, times(SessionFeed.WINDOW + SessionFeed.PING_EVERY)).sendText(anyString());
    assertEquals(SessionFeed.WINDOW, feed.unconfirmedCount());
  }

  @Test
  void anAnsweredPingCannotBeReplayedForMore() {
    SessionFeed feed = new SessionFeed(session, EventFilter.EVERYTHING, 10_000, NO_BYTE_LIMIT);
    for (int i = 0; i < 1_000; i++) {
      feed.offer("m" + i);
    }
    ByteBuffer first = pings.get(0);
    feed.confirmed(first.duplicate());
    feed.confirmed(first.duplicate());
    feed.confirmed(first.duplicate());

    verify(remote, times(SessionFeed.WINDOW + SessionFeed.PING_EVERY)).sendText(anyString());
  }

  @Test
  void aPongForALaterPingSettlesTheEarlierOnes() {
    SessionFeed feed = new SessionFeed(session, EventFilter.EVERYTHING, 10_000, NO_BYTE_LIMIT);
    for (int i = 0; i < 1_000; i++) {
      feed.offer("m" + i);
    }
    ByteBuffer first = pings.get(0);
    feed.confirmed(lastPing());
    long unconfirmed = feed.unconfirmedCount();

    feed.confirmed(first.duplicate()); // older than what is already confirmed: nothing changes

    assertEquals(unconfirmed, feed.unconfirmedCount());
  }

  @Test
  void aClientIsDroppedOnceItsQueueHoldsTooManyBytes() {
    String event = "x".repeat(1_000);
    SessionFeed feed = new SessionFeed(session, EventFilter.EVERYTHING, 1_000_000, 10_000);
    int accepted = 0;
    while (feed.offer(event) && accepted < 10_000) {
      accepted++;
    }
    assertEquals(SessionFeed.WINDOW + 10, accepted, "a window in flight, then 10 KB queued");
    assertEquals(0, feed.pendingBytes());
  }

  @Test
  void queuedBytesAreCountedAsUtf8AndReleasedAsTheyAreSent() {
    SessionFeed feed = new SessionFeed(session, EventFilter.EVERYTHING, 10_000, NO_BYTE_LIMIT);
    for (int i = 0; i < SessionFeed.WINDOW; i++) {
      feed.offer("m");
    }
    feed.offer("é€😀"); // 2 + 3 + 4 bytes
    assertEquals(9, feed.pendingBytes());

    feed.confirmed(lastPing());

    assertEquals(0, feed.pendingBytes());
  }

  @Test
  void keepAlivePongsAreIgnored() {
    SessionFeed feed = new SessionFeed(session, EventFilter.EVERYTHING, 100, NO_BYTE_LIMIT);
    feed.offer("one");
    feed.confirmed(ByteBuffer.allocate(0));
    assertEquals(1, feed.unconfirmedCount());
  }

  private ByteBuffer lastPing() {
    return pings.get(pings.size() - 1).duplicate();
  }

  private static ByteBuffer pong(long nonce, long count) {
    return ByteBuffer.allocate(SessionFeed.PING_BYTES).putLong(0, nonce).putLong(8, count);
  }

  private static long nonceIn(ByteBuffer ping) {
    return ping.getLong(0);
  }

  private static long countIn(ByteBuffer ping) {
    return ping.getLong(Long.BYTES);
  }
}
