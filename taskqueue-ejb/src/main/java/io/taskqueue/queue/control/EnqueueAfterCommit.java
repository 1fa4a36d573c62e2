package io.taskqueue.queue.control;

import io.taskqueue.events.boundary.EventPublisher;
import io.taskqueue.job.entity.JobsSubmitted;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.store.control.StoreErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes submitted jobs to Redis only once their rows are committed, so that no worker can claim a
 * job whose row it cannot see yet, and a rolled-back submission never reaches Redis. The jobs'
 * events are published first, so that a listener hears of a job before any worker can start it.
 */
@ApplicationScoped
public class EnqueueAfterCommit {

  private static final Logger LOG = Logger.getLogger(EnqueueAfterCommit.class.getName());

  @Inject DispatchQueue dispatch;
  @Inject EventPublisher events;
  @Inject StoreErrors errors;

  void enqueue(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobsSubmitted submitted) {
    events.publishNow(submitted.events());
    try {
      if (submitted.runAgain()) {
        dispatch.enqueueAgain(submitted.jobs());
      } else {
        dispatch.enqueue(submitted.jobs());
      }
      submitted.dispatched().set(true);
    } catch (RuntimeException e) {
      errors.record(e);
      // The rows are committed and stay queued in PostgreSQL, the source of truth; reconciliation
      // hands them to Redis once it is back.
      LOG.log(
          Level.WARNING,
          "Redis did not take " + submitted.jobs().size() + " committed job(s); they stay queued",
          e);
    }
  }
}
