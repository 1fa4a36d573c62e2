package io.taskqueue.schedule.control;

import io.taskqueue.job.control.JobLifecycle;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.entity.Claim;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Returns jobs whose lease expired (their worker was killed, froze, or lost Redis) to their queue.
 * For each expired lease, PostgreSQL first: the running attempt that held that lease becomes queued
 * again, or dead if it was the last; then Redis: a queued job goes back to the head of its list,
 * any other is only released. Every step is fenced by the lease id, so several nodes may run this
 * at once and each job is recovered once.
 */
public final class RecoverExpiredLeases implements Runnable {

  private static final Logger LOG = Logger.getLogger(RecoverExpiredLeases.class.getName());
  private static final int BATCH = 200;

  private final DispatchQueue dispatch;
  private final JobLifecycle lifecycle;

  public RecoverExpiredLeases(DispatchQueue dispatch, JobLifecycle lifecycle) {
    this.dispatch = dispatch;
    this.lifecycle = lifecycle;
  }

  @Override
  public void run() {
    List<Claim> expired = dispatch.findExpired(BATCH);
    for (Claim lease : expired) {
      recover(lease);
    }
  }

  private void recover(Claim lease) {
    Optional<JobStatus> status = lifecycle.releaseExpired(lease.jobId(), lease.leaseId());
    boolean runnable =
        status
            .map(s -> s == JobStatus.QUEUED || s == JobStatus.RETRYING || s == JobStatus.SCHEDULED)
            .orElse(false);
    if (runnable) {
      if (dispatch.requeue(lease)) {
        LOG.info(() -> "Recovered job " + lease.jobId() + " from expired lease " + lease.leaseId());
      }
    } else {
      dispatch.ack(lease);
    }
  }
}
