package io.taskqueue.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
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

  private final Session session = mock(Session.class);
  private final RemoteEndpoint.Async remote = mock(RemoteEndpoint.Async.class);
  private final List<Long> pings = new ArrayList<>();

  SessionFeedTest() throws Exception {
    when(session.getAsyncRemote()).thenReturn(remote);
    org.mockito.Mockito.doAnswer(
            call -> {
              pings.add(SessionFeed.countIn(call.getArgument(0)));
              return null;
            })
        .when(remote)
        .sendPing(any(ByteBuffer.class));
  }

  @Test
  void atMostAWindowGoesOutUnconfirmedAndPongsReleaseTheRest() {
    SessionFeed feed = new SessionFeed(session, EventFilter.EVERYTHING, 10_000);
    for (int i = 0; i < 1_000; i++) {
      assertTrue(feed.offer("m" + i));
    }
    verify(remote, times(SessionFeed.WINDOW)).sendText(anyString());
    assertEquals(1_000 - SessionFeed.WINDOW, feed.pendingCount());
    assertEquals((long) SessionFeed.WINDOW, pings.get(pings.size() - 1));

    feed.confirmed(SessionFeed.WINDOW);

    verify(remote, times(2 * SessionFeed.WINDOW)).sendText(anyString());
    assertEquals(SessionFeed.WINDOW, feed.unconfirmedCount());
  }

  @Test
  void aClientThatNeverAnswersIsGivenUpOnceItsQueueIsFull() {
    SessionFeed feed = new SessionFeed(session, EventFilter.EVERYTHING, 100);
    int accepted = 0;
    while (feed.offer("m") && accepted < 10_000) {
      accepted++;
    }
    assertEquals(SessionFeed.WINDOW + 100, accepted);
    assertFalse(feed.offer("after"), "a dropped feed takes nothing more");
    assertEquals(0, feed.pendingCount());
  }

  @Test
  void pongsThatAreNotTheFeedsOwnAreIgnored() {
    assertEquals(-1, SessionFeed.countIn(ByteBuffer.allocate(0)));
    SessionFeed feed = new SessionFeed(session, EventFilter.EVERYTHING, 100);
    feed.offer("one");
    feed.confirmed(5); // more than was sent: not an answer to this feed
    assertEquals(1, feed.unconfirmedCount());
  }
}
