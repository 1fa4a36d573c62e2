package io.taskqueue.workflow.control;

import io.taskqueue.job.entity.ParentsEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this node ended a workflow parent since the release duty last looked: then the duty
 * drains at once; otherwise it asks the database only now and then (parents ended by other nodes,
 * or by statements that do not announce it, are found that way).
 */
@ApplicationScoped
public class ReleaseHint {

  private final AtomicBoolean hinted = new AtomicBoolean();

  void parentsEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) ParentsEnded ended) {
    hinted.set(true);
  }

  /** Whether a parent ended since the last call (and forgets it). */
  public boolean take() {
    return hinted.getAndSet(false);
  }
}
