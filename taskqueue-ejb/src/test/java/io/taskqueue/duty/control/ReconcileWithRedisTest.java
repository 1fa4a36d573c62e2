package io.taskqueue.duty.control;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.taskqueue.job.control.JobLifecycle;
import io.taskqueue.job.control.UnfinishedJobs;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.LeaseEnd;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.QueuedJob;
import io.taskqueue.job.entity.UnfinishedJob;
import io.taskqueue.lease.boundary.Leases;
import io.taskqueue.queue.boundary.DispatchQueue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes reconciling the same orphan after Redis lost its lease: only one may queue it. And a
 * round reads the unfinished jobs only when Redis may have lost some.
 */
class ReconcileWithRedisTest {

  private final UnfinishedJobs unfinished = mock(UnfinishedJobs.class);
  private final JobLifecycle lifecycle = mock(JobLifecycle.class);
  private final DispatchQueue dispatch = mock(DispatchQueue.class);
  private final Leases leases = mock(Leases.class);
  private final UUID orphan = UUID.randomUUID();
  private final FakeRedis redis = new FakeRedis();
  private final AtomicLong redisErrors = new AtomicLong();
  private final AtomicLong clock = new AtomicLong();
  private final ReconcileWithRedis reconcile =
      new ReconcileWithRedis(
          unfinished,
          lifecycle,
          dispatch,
          leases,
          Duration.ZERO,
          () -> {},
          redis,
          redisErrors::get,
          Duration.ofMinutes(5),
          clock::get);

  /** A Redis that keeps the node's mark until told to lose it. */
  static final class FakeRedis implements ReconcileWithRedis.RedisIdentity {
    String runId = "run-1";
    boolean marked;

    @Override
    public String runId() {
      return runId;
    }

    @Override
    public boolean marked() {
      return marked;
    }

    @Override
    public void mark(Duration ttl) {
      marked = true;
    }
  }

  @BeforeEach
  void anOrphanRunningUnderALeaseRedisNoLongerHolds() {
    when(unfinished.page(any(), any(), anyInt()))
        .thenReturn(
            List.of(new UnfinishedJob(orphan, Priority.HIGH, JobStatus.RUNNING, null, 42L)));
    when(leases.leaseIds(anyList())).thenReturn(Map.of());
    when(unfinished.stillRunning(anyMap())).thenReturn(Set.of(orphan));
  }

  @Test
  void theNodeWhoseReleaseMovedTheOrphanQueuesIt() {
    when(lifecycle.recoverExpired(orphan, 42L))
        .thenReturn(new LeaseEnd(LeaseEnd.Outcome.MOVED, JobStatus.QUEUED, null));

    reconcile.run();

    verify(dispatch).enqueue(List.of(new QueuedJob(orphan, Priority.HIGH)));
  }

  @Test
  void aNodeThatFoundTheOrphanAlreadyReleasedByAnotherDoesNotQueueASecondCopy() {
    when(lifecycle.recoverExpired(orphan, 42L))
        .thenReturn(new LeaseEnd(LeaseEnd.Outcome.UNCHANGED, JobStatus.QUEUED, null));

    reconcile.run();

    verify(dispatch, never()).enqueue(List.of(new QueuedJob(orphan, Priority.HIGH)));
  }

  @Test
  void anOrphanWhoseRowIsLockedIsLeftForTheNextRound() {
    when(lifecycle.recoverExpired(orphan, 42L))
        .thenReturn(new LeaseEnd(LeaseEnd.Outcome.LOCKED, null, null));

    reconcile.run();

    verify(dispatch, never()).enqueue(List.of(new QueuedJob(orphan, Priority.HIGH)));
  }

  @Test
  void aRoundAfterASweepReadsNothingWhileRedisIsTheSameAndNothingFailed() {
    when(lifecycle.recoverExpired(orphan, 42L))
        .thenReturn(new LeaseEnd(LeaseEnd.Outcome.UNCHANGED, JobStatus.QUEUED, null));
    reconcile.run();
    clock.addAndGet(1);
    reconcile.run(); // the follow-up of the first sweep
    verify(unfinished, times(2)).page(any(), any(), anyInt());
    clearInvocations(unfinished);

    clock.addAndGet(Duration.ofMinutes(4).toNanos());
    reconcile.run();

    verify(unfinished, never()).page(any(), any(), anyInt());
  }

  @Test
  void eachSignOfLostDataMakesTheNextRoundSweep() {
    when(lifecycle.recoverExpired(orphan, 42L))
        .thenReturn(new LeaseEnd(LeaseEnd.Outcome.UNCHANGED, JobStatus.QUEUED, null));
    reconcile.run(); // the first round sweeps
    clock.addAndGet(1); // the grace period for new jobs is 0 here: then its follow-up
    reconcile.run();
    reconcile.run(); // and nothing new: no sweep
    verify(unfinished, times(2)).page(any(), any(), anyInt());

    redis.marked = false; // FLUSHALL
    reconcile.run();
    redis.runId = "run-2"; // a restart from the append-only file
    reconcile.run();
    redisErrors.incrementAndGet(); // a write that failed after its commit
    reconcile.run();
    verify(unfinished, times(5)).page(any(), any(), anyInt());

    clock.addAndGet(1);
    reconcile.run(); // the follow-up
    clock.addAndGet(Duration.ofMinutes(5).toNanos());
    reconcile.run(); // the periodic sweep
    reconcile.run();
    verify(unfinished, times(7)).page(any(), any(), anyInt());
  }
}
