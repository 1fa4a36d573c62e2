package io.taskqueue.worker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.taskqueue.JobHandler;
import io.taskqueue.handler.boundary.JobHandlers;
import io.taskqueue.job.control.JobLifecycle;
import io.taskqueue.job.entity.FinishedAttempt;
import io.taskqueue.job.entity.JobEvents;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.LeaseEnd;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.StartedAttempt;
import io.taskqueue.lease.boundary.Leases;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.entity.Claim;
import io.taskqueue.store.control.StoreErrors;
import jakarta.enterprise.event.Event;
import jakarta.json.Json;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class JobExecutionTest {

  private final UUID id = UUID.randomUUID();
  private final Claim claim = new Claim(id, Priority.HIGH, 7, 0);
  private final JobLifecycle lifecycle = mock(JobLifecycle.class);
  private final JobHandlers handlers = mock(JobHandlers.class);
  private final DispatchQueue dispatch = mock(DispatchQueue.class);
  private final CompletionWriter completions = mock(CompletionWriter.class);

  @SuppressWarnings("unchecked")
  private final Event<JobEvents> events = mock(Event.class);

  private final JobHandler handler = mock(JobHandler.class);
  private final Leases redisLeases = mock(Leases.class);
  private final RunningAttempts leases = new RunningAttempts();
  private final JobExecution execution = new JobExecution();

  @BeforeEach
  void wire() {
    execution.lifecycle = lifecycle;
    execution.handlers = handlers;
    execution.dispatch = dispatch;
    execution.attempts = leases;
    execution.completions = completions;
    execution.events = events;
    execution.errors = mock(StoreErrors.class);
    execution.retryBaseMillis = 5_000;
    execution.retryMaxMillis = 3_600_000;
    execution.retryMultiplier = 2;
    execution.retryJitter = 0.2;
    execution.defaultTimeoutMillis = 60_000;
    execution.leases = redisLeases;
    execution.node = mock(NodeIdentity.class);
    MetricRegistry metrics = mock(MetricRegistry.class);
    when(metrics.counter(anyString())).thenReturn(mock(Counter.class));
    execution.metrics = metrics;
    execution.registerMetrics();
    when(handlers.forType("work")).thenReturn(Optional.of(handler));
    when(handlers.runs("work")).thenReturn(true);
    when(lifecycle.bury(eq(id), anyInt(), eq(7L), anyString(), anyString())).thenReturn(true);
    leases.track(claim);
  }

  @Test
  void aSuccessGoesToTheWriterAndKeepsItsLeaseUntilWritten() throws Exception {
    when(handler.handle(any())).thenReturn(Json.createValue("done"));

    assertEquals(ExecutionOutcome.COMPLETED, execution.run(attempt(1, 4), "node/w1"));

    verify(completions)
        .record(
            eq(claim),
            argThat(
                (FinishedAttempt f) ->
                    f.jobId().equals(id)
                        && f.attempt() == 1
                        && f.resultJson().equals("\"done\"")
                        && f.workerId().equals("node/w1")));
    verify(dispatch, never()).ack(any(Claim.class));
    assertTrue(leases.claims().contains(claim), "renewed until the writer records it");
    verify(events)
        .fire(
            argThat(
                (JobEvents e) ->
                    e.events().size() == 1
                        && e.events().get(0).type().equals("job.started")
                        && e.events().get(0).workerId().equals("node/w1")));
  }

  @Test
  void aResultOverTheLimitEndsTheJobDeadOnItsFirstAttemptAndIsNeverWritten() throws Exception {
    execution.maxResultBytes = 1_000;
    when(handler.handle(any()))
        .thenReturn(Json.createObjectBuilder().add("s", "x".repeat(1_000)).build());

    assertEquals(ExecutionOutcome.DEAD, execution.run(attempt(1, 4), "node/w1"));

    verify(lifecycle)
        .bury(
            eq(id),
            eq(1),
            eq(7L),
            contains("result too large: more than 1000 bytes as JSON"),
            eq("node/w1"));
    verify(lifecycle, never()).retryLater(any(), anyInt(), anyLong(), anyString(), any(), any());
    verify(completions, never()).record(any(), any());
    verify(dispatch).ack(claim);
  }

  @Test
  void aResultAtTheLimitIsWritten() throws Exception {
    execution.maxResultBytes = 1_000;
    // {"s":"…"} is 8 bytes around the string.
    when(handler.handle(any()))
        .thenReturn(Json.createObjectBuilder().add("s", "x".repeat(992)).build());

    assertEquals(ExecutionOutcome.COMPLETED, execution.run(attempt(1, 4), "node/w1"));
  }

  @Test
  void aFailedAttemptWithAttemptsLeftIsRecordedThenRescheduledWithBackoff() throws Exception {
    when(handler.handle(any())).thenThrow(new IllegalStateException("boom"));
    when(lifecycle.retryLater(eq(id), eq(2), eq(7L), anyString(), any(), eq("node/w1")))
        .thenReturn(true);

    assertEquals(ExecutionOutcome.RETRYING, execution.run(attempt(2, 4), "node/w1"));

    InOrder order = inOrder(lifecycle, dispatch);
    order
        .verify(lifecycle)
        .retryLater(eq(id), eq(2), eq(7L), contains("boom"), any(), eq("node/w1"));
    order
        .verify(dispatch)
        .retryLater(
            eq(claim), argThat((Duration d) -> d.toMillis() >= 8_000 && d.toMillis() <= 12_000));
    verify(dispatch, never()).ack(any(Claim.class));
    assertTrue(leases.snapshot().isEmpty(), "a failure is recorded at once");
  }

  @Test
  void aHandlerThatAsksToRetryLaterWaitsWhatItAskedInsteadOfTheBackoff() throws Exception {
    when(handler.handle(any()))
        .thenThrow(new io.taskqueue.RetryLaterException("429", Duration.ofSeconds(90)));
    when(lifecycle.retryLater(eq(id), eq(1), eq(7L), anyString(), any(), eq("node/w1")))
        .thenReturn(true);

    assertEquals(ExecutionOutcome.RETRYING, execution.run(attempt(1, 4), "node/w1"));

    verify(lifecycle)
        .retryLater(
            eq(id),
            eq(1),
            eq(7L),
            contains("429"),
            argThat(
                (java.time.OffsetDateTime due) ->
                    due.isAfter(java.time.OffsetDateTime.now().plusSeconds(80))),
            eq("node/w1"));
    verify(dispatch).retryLater(claim, Duration.ofSeconds(90));
  }

  @Test
  void theLastFailedAttemptBuriesTheJobAndReleasesTheLease() throws Exception {
    when(handler.handle(any())).thenThrow(new IllegalStateException("boom"));

    assertEquals(ExecutionOutcome.DEAD, execution.run(attempt(4, 4), "node/w1"));

    InOrder order = inOrder(lifecycle, dispatch);
    order.verify(lifecycle).bury(eq(id), eq(4), eq(7L), contains("boom"), eq("node/w1"));
    order.verify(dispatch).ack(claim);
    verify(dispatch, never()).retryLater(any(), any());
  }

  @Test
  void aHandlerThatThrowsAnErrorFailsItsAttemptLikeAnyFailureAndTheThreadGoesOn() throws Exception {
    when(handler.handle(any())).thenThrow(new StackOverflowError("deep"));
    when(lifecycle.retryLater(eq(id), eq(1), eq(7L), anyString(), any(), eq("node/w1")))
        .thenReturn(true);

    assertEquals(ExecutionOutcome.RETRYING, execution.run(attempt(1, 4), "node/w1"));

    verify(lifecycle)
        .retryLater(eq(id), eq(1), eq(7L), contains("StackOverflowError"), any(), any());
    verify(dispatch).retryLater(eq(claim), any(Duration.class));
    assertFalse(leases.claims().contains(claim), "no longer held: its lease is not renewed");
  }

  @Test
  void aHandlerThatRunsOutOfMemoryOnItsLastAttemptBuriesTheJob() throws Exception {
    when(handler.handle(any())).thenThrow(new OutOfMemoryError("Java heap space"));

    assertEquals(ExecutionOutcome.DEAD, execution.run(attempt(3, 3), "node/w1"));

    verify(lifecycle).bury(eq(id), eq(3), eq(7L), contains("OutOfMemoryError"), eq("node/w1"));
    verify(dispatch).ack(claim);
  }

  @Test
  void aJobOfATypeThisNodeHasNoHandlerForGoesBackToItsQueueWithoutSpendingAnAttempt() {
    StartedAttempt gone = new StartedAttempt(id, "gone", "{}", Priority.HIGH, 1, 1);
    when(lifecycle.handBack(eq(id), eq(7L), eq(false), contains("does not run type gone")))
        .thenReturn(new LeaseEnd(LeaseEnd.Outcome.MOVED, JobStatus.QUEUED, null));

    assertEquals(
        ExecutionOutcome.NOT_RUN, execution.run(new ClaimedAttempt(claim, gone), "node/w1"));

    verify(redisLeases).park(claim, "gone");
    verify(lifecycle, never()).bury(any(), anyInt(), anyLong(), anyString(), anyString());
    verify(dispatch, never()).ack(claim);
    assertFalse(leases.claims().contains(claim), "no longer held");
  }

  @Test
  void aHandBackThatAnotherActorBeatLeavesRedisAlone() {
    StartedAttempt gone = new StartedAttempt(id, "gone", "{}", Priority.HIGH, 1, 1);
    when(lifecycle.handBack(eq(id), eq(7L), eq(false), anyString()))
        .thenReturn(new LeaseEnd(LeaseEnd.Outcome.UNCHANGED, JobStatus.CANCELLED, null));

    assertEquals(
        ExecutionOutcome.NOT_RUN, execution.run(new ClaimedAttempt(claim, gone), "node/w1"));

    verify(redisLeases, never()).park(any(), anyString());
    assertFalse(leases.claims().contains(claim));
  }

  @Test
  void aRejectedRetryWriteLeavesRedisAlone() throws Exception {
    when(handler.handle(any())).thenThrow(new IllegalStateException("boom"));
    when(lifecycle.retryLater(eq(id), eq(1), eq(7L), anyString(), any(), anyString()))
        .thenReturn(false);

    assertEquals(ExecutionOutcome.NOT_RUN, execution.run(attempt(1, 4), "node/w1"));

    verify(dispatch, never()).retryLater(any(), any());
    verify(dispatch, never()).ack(any(Claim.class));
  }

  @Test
  void aFailureIsRecordedOnceWhilePostgresComesBack() throws Exception {
    when(handler.handle(any())).thenThrow(new IllegalStateException("boom"));
    when(lifecycle.bury(eq(id), anyInt(), eq(7L), anyString(), anyString()))
        .thenThrow(new IllegalStateException("connection refused"))
        .thenReturn(true);

    assertEquals(ExecutionOutcome.DEAD, execution.run(attempt(4, 4), "node/w1"));

    verify(lifecycle, times(2)).bury(eq(id), eq(4), eq(7L), anyString(), anyString());
    verify(dispatch).ack(claim);
  }

  @Test
  void aJobCancelledWhileItWaitedForAWorkerIsNotRunAndItsLeaseEnds() throws Exception {
    leases.of(claim).cancel();

    assertEquals(ExecutionOutcome.NOT_RUN, execution.run(attempt(1, 4), "node/w1"));

    verify(handler, never()).handle(any());
    verify(dispatch).ack(claim);
    assertTrue(leases.snapshot().isEmpty());
  }

  @Test
  void aJobThatWaitedPastItsLeaseIsNotStartedAndItsLeaseLeftToRecovery() throws Exception {
    leases.untrack(claim);
    leases.track(
        claim, System.nanoTime() - Duration.ofSeconds(31).toNanos(), Duration.ofSeconds(30));

    assertEquals(ExecutionOutcome.NOT_RUN, execution.run(attempt(1, 4), "node/w1"));

    verify(handler, never()).handle(any());
    verify(dispatch, never()).ack(any(Claim.class));
    assertTrue(leases.snapshot().isEmpty());
  }

  @Test
  void aRenewedLeaseKeepsAWaitingJobRunnable() throws Exception {
    leases.untrack(claim);
    long claimedAt = System.nanoTime() - Duration.ofSeconds(31).toNanos();
    leases.track(claim, claimedAt, Duration.ofSeconds(30));
    leases.of(claim).renewed(System.nanoTime(), Duration.ofSeconds(30));

    assertEquals(ExecutionOutcome.COMPLETED, execution.run(attempt(1, 4), "node/w1"));
  }

  @Test
  void aCancelAfterTheHandlerReturnedDoesNotInterruptTheWorkerThread() throws Exception {
    when(handler.handle(any())).thenReturn(null);

    execution.run(attempt(1, 4), "node/w1");
    leases.of(claim).cancel();

    assertFalse(Thread.interrupted(), "the thread runs other jobs now");
  }

  @Test
  void aCancelWhileTheHandlerRunsInterruptsItAndEndsTheLease() throws Exception {
    when(handler.handle(any()))
        .thenAnswer(
            invocation -> {
              leases.of(claim).cancel();
              assertTrue(Thread.currentThread().isInterrupted(), "the handler is interrupted");
              throw new InterruptedException();
            });

    assertEquals(ExecutionOutcome.NOT_RUN, execution.run(attempt(1, 4), "node/w1"));

    verify(dispatch).ack(claim);
    verify(lifecycle, never()).bury(any(), anyInt(), eq(7L), anyString(), anyString());
    assertFalse(Thread.interrupted(), "the worker thread goes on");
  }

  @Test
  void errorsKeepTheirStackTraceButAreBounded() {
    RuntimeException deep = new RuntimeException("x".repeat(10_000));
    String text = JobExecution.describe(deep);
    assertTrue(text.length() <= JobExecution.MAX_ERROR_CHARS + 10);
    assertTrue(JobExecution.describe(new IllegalStateException("short")).contains("\tat "));
  }

  @Test
  void aNulInAnErrorIsReplacedSoThatTheFailureCanBeStored() {
    String text = JobExecution.describe(new IllegalStateException("bad\u0000byte"));
    assertTrue(text.startsWith("java.lang.IllegalStateException: bad\uFFFDbyte"), text);
    assertFalse(text.contains("\u0000"));
  }

  private ClaimedAttempt attempt(int attempt, int maxAttempts) {
    return new ClaimedAttempt(
        claim, new StartedAttempt(id, "work", "{\"a\":1}", Priority.HIGH, attempt, maxAttempts));
  }
}
