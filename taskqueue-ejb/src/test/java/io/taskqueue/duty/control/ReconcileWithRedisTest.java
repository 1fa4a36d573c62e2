package io.taskqueue.duty.control;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes reconciling the same orphan after Redis lost its lease: only one may queue it. */
class ReconcileWithRedisTest {

  private final UnfinishedJobs unfinished = mock(UnfinishedJobs.class);
  private final JobLifecycle lifecycle = mock(JobLifecycle.class);
  private final DispatchQueue dispatch = mock(DispatchQueue.class);
  private final Leases leases = mock(Leases.class);
  private final UUID orphan = UUID.randomUUID();
  private final ReconcileWithRedis reconcile =
      new ReconcileWithRedis(unfinished, lifecycle, dispatch, leases, Duration.ZERO, () -> {});

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
}
