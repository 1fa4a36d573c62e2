package io.taskqueue.worker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atMost;
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
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
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

  @Test
  void aRefusedResultEndsOnlyItsOwnJobAndTheOthersAreWrittenOnceWithoutWaiting() throws Exception {
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      claims.add(claim(100 + i));
    }
    Claim refused = claims.get(317);
    Set<UUID> written = new HashSet<>();
    when(batches.completeAll(anyList()))
        .thenAnswer(
            call -> {
              List<FinishedAttempt> rows = call.getArgument(0);
              if (rows.stream().anyMatch(r -> r.jobId().equals(refused.jobId()))) {
                throw new IllegalStateException(
                    "Could not record", new SQLException("unsupported Unicode escape", "22P05"));
              }
              rows.forEach(r -> assertTrue(written.add(r.jobId()), "written once"));
              return rows.stream().map(FinishedAttempt::jobId).collect(Collectors.toSet());
            });
    when(batches.buryUnstorable(any(), anyString())).thenReturn(true);
    for (Claim c : claims) {
      attempts.track(c);
      writer.record(c, finished(c));
    }

    runUntilWritten();

    assertEquals(499, written.size());
    verify(batches)
        .buryUnstorable(
            argThat(f -> f.jobId().equals(refused.jobId())),
            argThat(error -> error.startsWith("result not storable: unsupported Unicode escape")));
    verify(batches, atMost(2 * 9 + 1)).completeAll(anyList());
    verify(dispatch)
        .ack(argThat((Collection<Claim> acked) -> Set.copyOf(acked).equals(Set.copyOf(claims))));
  }

  @Test
  void aRefusedResultIsNeverRetriedAsIfTheDatabaseWereAway() throws Exception {
    writer.maxBatch = 1;
    when(batches.completeAll(anyList()))
        .thenThrow(new IllegalStateException(new SQLException("refused", "22P05")));
    writer.record(current, finished(current));

    runUntilWritten();

    verify(batches, times(1)).completeAll(anyList());
    verify(batches).buryUnstorable(any(), anyString());
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
