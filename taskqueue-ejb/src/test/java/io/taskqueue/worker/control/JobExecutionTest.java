package io.taskqueue.worker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.taskqueue.handler.boundary.JobHandler;
import io.taskqueue.handler.control.JobHandlers;
import io.taskqueue.job.control.JobLifecycle;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.StartedAttempt;
import io.taskqueue.metrics.control.StoreErrors;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.entity.Claim;
import jakarta.json.Json;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class JobExecutionTest {

  private final UUID id = UUID.randomUUID();
  private final Claim claim = new Claim(id, Priority.HIGH, 7, 0);
  private final JobLifecycle lifecycle = mock(JobLifecycle.class);
  private final JobHandlers handlers = mock(JobHandlers.class);
  private final DispatchQueue dispatch = mock(DispatchQueue.class);
  private final JobHandler handler = mock(JobHandler.class);
  private final RunningAttempts leases = new RunningAttempts();
  private final JobExecution execution = new JobExecution();

  @BeforeEach
  void wire() {
    execution.lifecycle = lifecycle;
    execution.handlers = handlers;
    execution.dispatch = dispatch;
    execution.attempts = leases;
    execution.errors = mock(StoreErrors.class);
    execution.retryBaseMillis = 5_000;
    execution.retryMaxMillis = 3_600_000;
    execution.retryMultiplier = 2;
    execution.retryJitter = 0.2;
    execution.defaultTimeoutMillis = 60_000;
    when(handlers.forType("work")).thenReturn(Optional.of(handler));
  }

  @Test
  void successIsCommittedToPostgresBeforeTheLeaseIsReleased() throws Exception {
    startsAttempt(1, 4);
    when(handler.handle(any())).thenReturn(Json.createValue("done"));

    assertEquals(ExecutionOutcome.COMPLETED, execution.run(claim, "node/w1"));

    InOrder order = inOrder(lifecycle, handler, dispatch);
    order.verify(lifecycle).start(id, "node/w1", 7L);
    order.verify(handler).handle(any());
    order.verify(lifecycle).complete(id, 1, "\"done\"");
    order.verify(dispatch).ack(claim);
  }

  @Test
  void aFailedAttemptWithAttemptsLeftIsRecordedThenRescheduledWithBackoff() throws Exception {
    startsAttempt(2, 4);
    when(handler.handle(any())).thenThrow(new IllegalStateException("boom"));
    when(lifecycle.retryLater(eq(id), eq(2), anyString(), any())).thenReturn(true);

    assertEquals(ExecutionOutcome.RETRYING, execution.run(claim, "node/w1"));

    InOrder order = inOrder(lifecycle, dispatch);
    order
        .verify(lifecycle)
        .retryLater(eq(id), eq(2), org.mockito.ArgumentMatchers.contains("boom"), any());
    order
        .verify(dispatch)
        .retryLater(
            eq(claim),
            org.mockito.ArgumentMatchers.argThat(
                (Duration d) -> d.toMillis() >= 8_000 && d.toMillis() <= 12_000));
    verify(dispatch, never()).ack(any());
  }

  @Test
  void theLastFailedAttemptBuriesTheJobAndReleasesTheLease() throws Exception {
    startsAttempt(4, 4);
    when(handler.handle(any())).thenThrow(new IllegalStateException("boom"));

    assertEquals(ExecutionOutcome.DEAD, execution.run(claim, "node/w1"));

    InOrder order = inOrder(lifecycle, dispatch);
    order.verify(lifecycle).bury(eq(id), eq(4), org.mockito.ArgumentMatchers.contains("boom"));
    order.verify(dispatch).ack(claim);
    verify(dispatch, never()).retryLater(any(), any());
  }

  @Test
  void aJobThatMayNotStartIsDroppedFromRedisWithoutRunning() throws Exception {
    when(lifecycle.start(id, "node/w1", 7L)).thenReturn(Optional.empty());

    assertEquals(ExecutionOutcome.NOT_RUN, execution.run(claim, "node/w1"));

    verify(dispatch).ack(claim);
    verify(handler, never()).handle(any());
    verify(lifecycle, never()).complete(any(), anyInt(), any());
  }

  @Test
  void anUnknownTypeFailsTheAttemptLikeAnyError() throws Exception {
    when(lifecycle.start(id, "node/w1", 7L))
        .thenReturn(Optional.of(new StartedAttempt(id, "gone", "{}", Priority.HIGH, 1, 1)));
    when(lifecycle.bury(eq(id), anyInt(), anyString())).thenReturn(true);

    assertEquals(ExecutionOutcome.DEAD, execution.run(claim, "node/w1"));

    verify(lifecycle)
        .bury(eq(id), eq(1), org.mockito.ArgumentMatchers.contains("no handler for type gone"));
    verify(dispatch).ack(claim);
  }

  @Test
  void aRejectedRetryWriteLeavesRedisAlone() throws Exception {
    startsAttempt(1, 4);
    when(handler.handle(any())).thenThrow(new IllegalStateException("boom"));
    when(lifecycle.retryLater(eq(id), eq(1), anyString(), any())).thenReturn(false);

    assertEquals(ExecutionOutcome.NOT_RUN, execution.run(claim, "node/w1"));

    verify(dispatch, never()).retryLater(any(), any());
    verify(dispatch, never()).ack(any());
  }

  @Test
  void aStaleCompletionLeavesTheLeaseToWhoeverHoldsTheJobNow() throws Exception {
    startsAttempt(1, 4);
    when(lifecycle.complete(eq(id), anyInt(), any())).thenReturn(false);

    assertEquals(ExecutionOutcome.NOT_RUN, execution.run(claim, "node/w1"));

    verify(lifecycle).complete(eq(id), eq(1), isNull());
    verify(dispatch, never()).ack(any());
  }

  @Test
  void anOutcomeIsRetriedWhilePostgresIsAway() throws Exception {
    startsAttempt(1, 4);
    when(lifecycle.complete(eq(id), anyInt(), any()))
        .thenThrow(new IllegalStateException("connection refused"))
        .thenReturn(true);

    assertEquals(ExecutionOutcome.COMPLETED, execution.run(claim, "node/w1"));

    verify(lifecycle, org.mockito.Mockito.times(2)).complete(eq(id), eq(1), isNull());
    verify(dispatch).ack(claim);
  }

  @Test
  void aJobThatCannotStartBecausePostgresIsAwayIsHandedBackAtOnce() {
    when(lifecycle.start(id, "node/w1", 7L)).thenThrow(new IllegalStateException("down"));

    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, () -> execution.run(claim, "node/w1"));

    verify(dispatch).requeue(claim);
    assertTrue(leases.snapshot().isEmpty());
  }

  @Test
  void theLeaseIsRenewedWhileTheHandlerRunsAndNotAfter() throws Exception {
    startsAttempt(1, 4);
    when(handler.handle(any()))
        .thenAnswer(
            invocation -> {
              assertTrue(leases.claims().contains(claim), "tracked while running");
              return null;
            });

    execution.run(claim, "node/w1");

    verify(handler).handle(any());
    assertTrue(leases.snapshot().isEmpty(), "untracked once the outcome is recorded");
  }

  @Test
  void errorsKeepTheirStackTraceButAreBounded() {
    RuntimeException deep = new RuntimeException("x".repeat(10_000));
    String text = JobExecution.describe(deep);
    assertTrue(text.length() <= JobExecution.MAX_ERROR_CHARS + 10);
    assertTrue(JobExecution.describe(new IllegalStateException("short")).contains("\tat "));
  }

  private void startsAttempt(int attempt, int maxAttempts) {
    when(lifecycle.start(id, "node/w1", 7L))
        .thenReturn(
            Optional.of(
                new StartedAttempt(id, "work", "{\"a\":1}", Priority.HIGH, attempt, maxAttempts)));
    when(lifecycle.complete(eq(id), anyInt(), any())).thenReturn(true);
    when(lifecycle.bury(eq(id), anyInt(), anyString())).thenReturn(true);
  }
}
