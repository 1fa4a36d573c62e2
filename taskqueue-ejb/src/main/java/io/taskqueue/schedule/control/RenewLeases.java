package io.taskqueue.schedule.control;

import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.entity.Claim;
import io.taskqueue.worker.control.RunningAttempts;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The heartbeat: renews the lease of every attempt this node runs, a few times per lease, so a long
 * job keeps its lease as long as its worker lives. A lease that cannot be renewed was recovered by
 * another node; that attempt's outcome will be rejected by its fence.
 */
public final class RenewLeases implements Runnable {

  private static final Logger LOG = Logger.getLogger(RenewLeases.class.getName());

  /** Leases renewed per Redis call: bounds how long one script blocks Redis. */
  static final int CHUNK = 1_000;

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
    List<Claim> held = List.copyOf(leases.claims());
    for (int from = 0; from < held.size(); from += CHUNK) {
      List<Claim> chunk = held.subList(from, Math.min(held.size(), from + CHUNK));
      try {
        long renewing = System.nanoTime();
        Set<Claim> lost = Set.copyOf(dispatch.extendLeases(chunk, lease));
        for (Claim claim : chunk) {
          if (lost.contains(claim)) {
            LOG.warning(
                () -> "Lease " + claim.leaseId() + " of job " + claim.jobId() + " was lost");
            leases.untrack(claim);
          } else {
            leases.of(claim).renewed(renewing, lease);
          }
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not renew " + chunk.size() + " lease(s)", e);
      }
    }
  }
}
