package io.taskqueue.security.control;

import io.taskqueue.security.boundary.AuditTrail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Records the current caller's action in the audit log, inside the transaction of the action (the
 * resource method is {@code @Transactional}; the audit trail refuses to write without one).
 */
@RequestScoped
public class ActionAudit {

  @Inject CurrentCaller caller;
  @Inject AuditTrail trail;

  public void record(String action, String target, Integer jobCount, String outcome) {
    trail.record(caller.get(), caller.remoteAddress(), action, target, jobCount, outcome);
  }
}
