package io.taskqueue.job.control;

import io.taskqueue.job.entity.JobsSubmitted;
import io.taskqueue.queue.boundary.DispatchQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes submitted jobs to Redis only once their rows are committed, so that no worker can claim a
 * job whose row it cannot see yet, and a rolled-back submission never reaches Redis.
 */
@ApplicationScoped
public class EnqueueAfterCommit {

  private static final Logger LOG = Logger.getLogger(EnqueueAfterCommit.class.getName());

  @Inject DispatchQueue dispatch;

  void enqueue(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobsSubmitted submitted) {
    try {
      dispatch.enqueue(submitted.jobs());
      submitted.dispatched().set(true);
    } catch (RuntimeException e) {
      // The rows are committed and stay queued in PostgreSQL, the source of truth; reconciliation
      // hands them to Redis once it is back.
      LOG.log(
          Level.WARNING,
          "Redis did not take " + submitted.jobs().size() + " committed job(s); they stay queued",
          e);
    }
  }
}
