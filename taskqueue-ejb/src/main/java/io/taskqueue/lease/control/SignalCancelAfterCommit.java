package io.taskqueue.lease.control;

import io.taskqueue.job.control.JobCancelled;
import io.taskqueue.lease.boundary.CancelSignals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Once a running job's cancel is committed, signals whichever node runs it (through Redis) to stop
 * it. The signal outlives a lease, so the node sees it even through a short Redis hiccup; if it
 * never does, the attempt's outcome is rejected anyway, since the job is no longer running.
 */
@ApplicationScoped
public class SignalCancelAfterCommit {

  private static final Logger LOG = Logger.getLogger(SignalCancelAfterCommit.class.getName());

  @Inject CancelSignals signals;

  @Inject
  @ConfigProperty(name = "taskqueue.lease-ms")
  long leaseMillis;

  void signal(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobCancelled cancelled) {
    try {
      signals.requestCancel(
          cancelled.jobId(), cancelled.leaseId(), Duration.ofMillis(2 * leaseMillis));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not signal the cancel of running job " + cancelled.jobId(), e);
    }
  }
}
