package io.taskqueue.queue.control;

import io.taskqueue.queue.boundary.PauseSwitch;
import io.taskqueue.queue.entity.PauseChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Copies a committed pause or resume to Redis. If Redis is away, reconciliation copies it later
 * from PostgreSQL, which holds the truth.
 */
@ApplicationScoped
public class ApplyPauseAfterCommit {

  private static final Logger LOG = Logger.getLogger(ApplyPauseAfterCommit.class.getName());

  @Inject PauseSwitch pauses;

  void apply(@Observes(during = TransactionPhase.AFTER_SUCCESS) PauseChanged change) {
    try {
      if (change.paused()) {
        pauses.pause(change.priority());
      } else {
        pauses.resume(change.priority());
      }
    } catch (RuntimeException e) {
      LOG.warning(() -> "Redis did not take " + change + "; reconciliation will: " + e);
    }
  }
}
