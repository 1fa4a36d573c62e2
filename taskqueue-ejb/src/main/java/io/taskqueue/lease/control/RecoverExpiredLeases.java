package io.taskqueue.lease.control;

import io.taskqueue.job.control.JobLifecycle;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.LeaseEnd;
import io.taskqueue.lease.boundary.Leases;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.entity.Claim;
import java.util.List;
import java.util.logging.Logger;

/**
 * Returns jobs whose lease expired (their worker was killed, froze, or lost Redis) to their queue.
 * For each expired lease, PostgreSQL first: the running attempt that held that lease becomes queued
 * again, or dead if it was the last; then Redis: a queued job goes back to the head of its list,
 * any other only loses its lease. Every step is fenced by the lease id, so several nodes may run
 * this at once and each job is recovered once.
 */
public final class RecoverExpiredLeases implements Runnable {

  private static final Logger LOG = Logger.getLogger(RecoverExpiredLeases.class.getName());
  private static final int BATCH = 200;

  private final Leases leases;
  private final DispatchQueue dispatch;
  private final JobLifecycle lifecycle;

  public RecoverExpiredLeases(Leases leases, DispatchQueue dispatch, JobLifecycle lifecycle) {
    this.leases = leases;
    this.dispatch = dispatch;
    this.lifecycle = lifecycle;
  }

  @Override
  public void run() {
    List<Claim> expired = leases.findExpired(BATCH);
    for (Claim lease : expired) {
      recover(lease);
    }
  }

  private void recover(Claim lease) {
    LeaseEnd ended = lifecycle.recoverExpired(lease.jobId(), lease.leaseId());
    switch (ended.outcome()) {
      case LOCKED -> {
        // Its row is being written (or held by a frozen node): leave the lease for a later round.
      }
      case MISSING -> dispatch.ack(lease);
      case MOVED, UNCHANGED -> settle(lease, ended);
    }
  }

  /**
   * Ends the expired lease the way the job's status asks: a runnable job goes back to its list, or
   * to its delayed set while its next attempt is not due (a failure recorded in PostgreSQL whose
   * node died before telling Redis); any other job only loses the lease. Both are fenced by the
   * lease id in Redis, so whichever node comes first acts, once.
   */
  private void settle(Claim lease, LeaseEnd ended) {
    JobStatus status = ended.status();
    if (status == JobStatus.QUEUED
        || status == JobStatus.RETRYING
        || status == JobStatus.SCHEDULED) {
      if (leases.requeue(lease, ended.dueMillis())) {
        LOG.info(() -> "Recovered job " + lease.jobId() + " from expired lease " + lease.leaseId());
      }
    } else {
      dispatch.ack(lease);
    }
  }
}
