package io.taskqueue.schedule.control;

import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.entity.Claim;
import io.taskqueue.worker.control.RunningAttempts;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The heartbeat: renews the lease of every attempt this node runs, a few times per lease, so a long
 * job keeps its lease as long as its worker lives. A lease that cannot be renewed was recovered by
 * another node; that attempt's outcome will be rejected by its fence.
 */
public final class RenewLeases implements Runnable {

  private static final Logger LOG = Logger.getLogger(RenewLeases.class.getName());

  private final RunningAttempts leases;
  private final DispatchQueue dispatch;
  private final Duration lease;

  public RenewLeases(RunningAttempts leases, DispatchQueue dispatch, Duration lease) {
    this.leases = leases;
    this.dispatch = dispatch;
    this.lease = lease;
  }

  @Override
  public void run() {
    for (Claim claim : leases.claims()) {
      try {
        if (!dispatch.extendLease(claim, lease)) {
          LOG.warning(() -> "Lease " + claim.leaseId() + " of job " + claim.jobId() + " was lost");
          leases.untrack(claim);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not renew the lease of job " + claim.jobId(), e);
      }
    }
  }
}
