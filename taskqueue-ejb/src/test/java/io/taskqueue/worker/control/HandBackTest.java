package io.taskqueue.worker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.taskqueue.handler.boundary.JobHandlers;
import io.taskqueue.job.control.JobLifecycle;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.LeaseEnd;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.StartedAttempt;
import io.taskqueue.lease.boundary.Leases;
import io.taskqueue.queue.entity.Claim;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HandBackTest {

  private final JobLifecycle lifecycle = mock(JobLifecycle.class);
  private final Leases dispatch = mock(Leases.class);
  private final RunningAttempts attempts = new RunningAttempts();
  private final HandBack handBack = new HandBack();
  private final Claim claim = new Claim(UUID.randomUUID(), Priority.LOW, 42, 0);

  @BeforeEach
  void wire() {
    handBack.lifecycle = lifecycle;
    handBack.redisLeases = dispatch;
    handBack.leases = attempts;
    when(lifecycle.handBack(eq(claim.jobId()), anyLong(), anyBoolean()))
        .thenReturn(new LeaseEnd(LeaseEnd.Outcome.MOVED, JobStatus.QUEUED, null));
  }

  @Test
  void aClaimNoWorkerBeganIsHandedBackWithItsAttemptGivenBackAndCanNoLongerBegin() {
    attempts.track(claim, System.nanoTime(), Duration.ofMinutes(1));

    handBack.all(List.of(claim));

    verify(lifecycle).handBack(claim.jobId(), 42, false);
    verify(dispatch).requeue(claim);
  }

  @Test
  void aWorkerThatTakesAWithdrawnClaimDoesNotRunIt() {
    attempts.track(claim, System.nanoTime(), Duration.ofMinutes(1));
    assertTrue(attempts.withdrawUnbegun(claim), "the hand-back withdraws it first");
    JobExecution execution = new JobExecution();
    execution.attempts = attempts;
    execution.handlers = mock(JobHandlers.class);

    assertEquals(
        ExecutionOutcome.NOT_RUN,
        execution.run(new ClaimedAttempt(claim, started()), "late-worker"));
    verify(execution.handlers, never()).forType("work");
  }

  @Test
  void aClaimWhoseHandlerBeganCountsItsAttempt() {
    attempts.track(claim, System.nanoTime(), Duration.ofMinutes(1)).begin();

    handBack.all(List.of(claim));

    verify(lifecycle).handBack(claim.jobId(), 42, true);
  }

  @Test
  void onlyTheReleaseThatMovedTheJobPutsItBackInRedis() {
    attempts.track(claim, System.nanoTime(), Duration.ofMinutes(1));
    when(lifecycle.handBack(eq(claim.jobId()), anyLong(), anyBoolean()))
        .thenReturn(new LeaseEnd(LeaseEnd.Outcome.UNCHANGED, JobStatus.QUEUED, null));

    handBack.all(List.of(claim));

    verify(dispatch, never()).requeue(claim);
    assertTrue(attempts.claims().isEmpty());
  }

  private StartedAttempt started() {
    return new StartedAttempt(claim.jobId(), "work", "{}", Priority.LOW, 1, 3);
  }
}
