package io.taskqueue.lease.control;

import io.taskqueue.lease.boundary.Leases;
import io.taskqueue.queue.entity.Claim;
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

  private final HeldLeases held;
  private final Leases leases;
  private final Duration lease;

  public RenewLeases(HeldLeases held, Leases leases, Duration lease) {
    this.held = held;
    this.leases = leases;
    this.lease = lease;
  }

  @Override
  public void run() {
    List<Claim> all = List.copyOf(held.claims());
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<Claim> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      try {
        long renewing = System.nanoTime();
        Set<Claim> lost = Set.copyOf(leases.extendLeases(chunk, lease));
        for (Claim claim : chunk) {
          if (lost.contains(claim)) {
            LOG.warning(
                () -> "Lease " + claim.leaseId() + " of job " + claim.jobId() + " was lost");
            held.lost(claim);
          } else {
            held.renewed(claim, renewing, lease);
          }
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not renew " + chunk.size() + " lease(s)", e);
      }
    }
  }
}
