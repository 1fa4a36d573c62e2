package io.taskqueue.security.control;

import io.taskqueue.security.entity.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Takes a submission's first rate-limit token before its body is read: after the role checks (an
 * anonymous or unauthorised caller is refused by them, not charged), before {@link
 * io.taskqueue.api.control.RequestBodyLimits} buffers and parses up to 16 MB. The rest of the
 * charge, a token per further job, is taken once the body is parsed.
 */
@SubmitRateLimited
@Priority(SubmitRateGate.PRIORITY)
public class SubmitRateGate implements ContainerRequestFilter {

  /** After {@link RoleCheck} and Jersey's own role check, before any filter of the user band. */
  static final int PRIORITY = Priorities.AUTHORIZATION + 100;

  @Inject SubmitRateLimit limit;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getProperty(Callers.ATTRIBUTE) instanceof Caller caller) {
      limit.take(caller);
    }
  }
}
