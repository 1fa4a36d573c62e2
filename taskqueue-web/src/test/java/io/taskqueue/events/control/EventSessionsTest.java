package io.taskqueue.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.taskqueue.security.control.LapsedSignIns;
import io.taskqueue.security.entity.SignIn;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class EventSessionsTest {

  private final Instant now = Instant.parse("2030-01-01T12:00:00Z");
  private final Set<Long> liveKeys = new HashSet<>();
  private final EventSessions sessions = new EventSessions();

  EventSessionsTest() {
    sessions.executor = mock(ManagedScheduledExecutorService.class);
    doAnswer(
            call -> {
              ((Runnable) call.getArgument(0)).run();
              return null;
            })
        .when(sessions.executor)
        .execute(any(Runnable.class));
    sessions.maxSessions = 10;
    sessions.maxSessionsPerCaller = 3;
    sessions.maxPending = 100;
    sessions.maxPendingBytes = 1 << 20;
    sessions.lapsedSignIns =
        new LapsedSignIns(
            Clock.fixed(now, ZoneOffset.UTC),
            ids -> {
              Set<Long> live = new HashSet<>(ids);
              live.retainAll(liveKeys);
              return live;
            });
  }

  @Test
  void aFeedWhoseKeyWasRevokedIsClosedAsAPolicyViolationAtTheNextCheck() throws Exception {
    liveKeys.add(1L);
    Session kept = session("kept");
    Session revoked = session("revoked");
    Session admin = session("admin");
    sessions.open(kept, EventFilter.EVERYTHING, SignIn.key(1, null), "ops");
    sessions.open(revoked, EventFilter.EVERYTHING, SignIn.key(2, null), "ops");
    sessions.open(admin, EventFilter.EVERYTHING, SignIn.bootstrap(), "ops");

    sessions.closeLapsed();

    ArgumentCaptor<CloseReason> reason = ArgumentCaptor.forClass(CloseReason.class);
    verify(revoked).close(reason.capture());
    assertEquals(CloseCodes.VIOLATED_POLICY, reason.getValue().getCloseCode());
    verify(kept, never()).close(any());
    verify(admin, never()).close(any());
    assertEquals(2, sessions.sessionCount());
    assertEquals(1, sessions.closedLapsedCount());
  }

  @Test
  void aFeedWhoseTokenExpiredIsClosed() throws Exception {
    Session expired = session("expired");
    sessions.open(expired, EventFilter.EVERYTHING, SignIn.jwt(now.minusSeconds(1)), "ops");

    sessions.closeLapsed();

    verify(expired).close(any(CloseReason.class));
    assertEquals(0, sessions.sessionCount());
  }

  @Test
  void aFailingCheckDoesNotEscapeTheDuty() throws Exception {
    sessions.lapsedSignIns = null; // any failure at all, even a bug
    sessions.open(session("s"), EventFilter.EVERYTHING, SignIn.key(1, null), "ops");
    sessions.closeLapsed();
    assertEquals(1, sessions.sessionCount());
  }

  @Test
  void oneCallerGetsItsShareOfTheSlotsAndNoMore() {
    for (int i = 0; i < 3; i++) {
      assertTrue(
          sessions
              .open(session("a" + i), EventFilter.EVERYTHING, SignIn.bootstrap(), "a")
              .isPresent());
    }
    assertTrue(
        sessions.open(session("a3"), EventFilter.EVERYTHING, SignIn.bootstrap(), "a").isEmpty());
    assertTrue(
        sessions.open(session("b0"), EventFilter.EVERYTHING, SignIn.bootstrap(), "b").isPresent());

    Session first = session("a0");
    sessions.closed(first);
    assertTrue(
        sessions.open(session("a4"), EventFilter.EVERYTHING, SignIn.bootstrap(), "a").isPresent());
  }

  private static Session session(String id) {
    Session session = mock(Session.class);
    when(session.getId()).thenReturn(id);
    when(session.getAsyncRemote()).thenReturn(mock(RemoteEndpoint.Async.class));
    return session;
  }
}
