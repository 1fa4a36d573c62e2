package io.taskqueue.worker.control;

import io.taskqueue.job.control.JobLifecycle;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.LeaseEnd;
import io.taskqueue.lease.boundary.Leases;
import io.taskqueue.queue.entity.Claim;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Returns the jobs a stopping node still runs to their queue at once: PostgreSQL first (running →
 * queued, fenced by the lease), then Redis (lease ended, job at the head of its list).
 */
@ApplicationScoped
public class HandBack {

  private static final Logger LOG = Logger.getLogger(HandBack.class.getName());

  @Inject JobLifecycle lifecycle;
  @Inject Leases redisLeases;
  @Inject RunningAttempts leases;

  public void all(Collection<Claim> claims) {
    for (Claim claim : claims) {
      try {
        // A claim no worker took yet is withdrawn from the workers first, so none starts it now.
        boolean begun = !leases.withdrawUnbegun(claim);
        LeaseEnd ended = lifecycle.handBack(claim.jobId(), claim.leaseId(), begun);
        if (ended.moved() && ended.status() == JobStatus.QUEUED) {
          redisLeases.requeue(claim);
          LOG.info(() -> "Handed job " + claim.jobId() + " back to its queue at shutdown");
        }
        leases.untrack(claim);
      } catch (RuntimeException e) {
        // Its lease will expire and recovery will return it instead.
        LOG.log(Level.WARNING, "Could not hand back job " + claim.jobId(), e);
      }
    }
  }
}
