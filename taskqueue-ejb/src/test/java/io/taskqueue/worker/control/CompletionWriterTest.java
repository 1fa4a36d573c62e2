package io.taskqueue.worker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.taskqueue.job.control.AttemptBatches;
import io.taskqueue.job.entity.FinishedAttempt;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.entity.Claim;
import io.taskqueue.store.control.StoreErrors;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class CompletionWriterTest {

  private final AttemptBatches batches = mock(AttemptBatches.class);
  private final DispatchQueue dispatch = mock(DispatchQueue.class);
  private final RunningAttempts attempts = new RunningAttempts();
  private final CompletionWriter writer = new CompletionWriter();
  private final Claim current = claim(1);
  private final Claim stale = claim(2);

  @BeforeEach
  void wire() {
    writer.batches = batches;
    writer.dispatch = dispatch;
    writer.attempts = attempts;
    writer.errors = mock(StoreErrors.class);
    writer.maxBatch = 500;
    attempts.track(current);
    attempts.track(stale);
  }

  @Test
  void successesAreWrittenTogetherThenOnlyTheAcceptedLeasesEnd() throws Exception {
    when(batches.completeAll(anyList())).thenReturn(Set.of(current.jobId()));
    writer.record(current, finished(current));
    writer.record(stale, finished(stale));

    runUntilWritten();

    InOrder order = inOrder(batches, dispatch);
    order.verify(batches).completeAll(argThat(list -> list.size() == 2));
    order.verify(dispatch).ack(argThat((Collection<Claim> c) -> c.equals(List.of(current))));
    assertTrue(attempts.snapshot().isEmpty(), "neither lease is renewed any more");
  }

  @Test
  void aCancelledJobsLeaseEndsEvenThoughItsSuccessWasRejected() throws Exception {
    when(batches.completeAll(anyList())).thenReturn(Set.of());
    attempts.of(stale).cancel();
    writer.record(stale, finished(stale));

    runUntilWritten();

    verify(dispatch).ack(argThat((Collection<Claim> c) -> c.equals(List.of(stale))));
  }

  @Test
  void theWriteIsRetriedWhilePostgresIsAwayAndRedisIsTouchedOnlyAfter() throws Exception {
    when(batches.completeAll(anyList()))
        .thenThrow(new IllegalStateException("connection refused"))
        .thenReturn(Set.of(current.jobId()));
    writer.record(current, finished(current));

    runUntilWritten();

    verify(batches, times(2)).completeAll(anyList());
    verify(dispatch, times(1)).ack(any(Collection.class));
  }

  @Test
  void nothingIsAcknowledgedWhenTheWriteNeverSucceeds() throws Exception {
    writer.maxBatch = 1;
    when(batches.completeAll(anyList())).thenReturn(Set.of());
    writer.record(current, finished(current));

    runUntilWritten();

    verify(dispatch).ack(argThat((Collection<Claim> c) -> c.isEmpty()));
    verify(dispatch, never()).ack(any(Claim.class));
  }

  /** Runs the writer on its own thread until everything queued is written, then stops it. */
  private void runUntilWritten() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    CompletableFuture<Void> loop = CompletableFuture.runAsync(() -> writer.run(running::get));
    assertTrue(writer.awaitWritten(10_000), "written within 10 s");
    running.set(false);
    loop.get(5, TimeUnit.SECONDS);
    assertEquals(0, loopLeftovers());
  }

  private long loopLeftovers() throws InterruptedException {
    return writer.awaitWritten(0) ? 0 : 1;
  }

  private static Claim claim(long lease) {
    return new Claim(UUID.randomUUID(), Priority.MEDIUM, lease, 0);
  }

  private static FinishedAttempt finished(Claim claim) {
    return new FinishedAttempt(claim.jobId(), 1, claim.leaseId(), null, "node/w1", Instant.now());
  }
}
