package io.taskqueue.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.api.control.RequestBodyLimits;
import io.taskqueue.job.boundary.JobsResource;
import io.taskqueue.recurring.boundary.SchedulesResource;
import io.taskqueue.security.entity.Caller;
import io.taskqueue.security.entity.Role;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SubmitRateGateTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void theRateLimitRunsBeforeTheBodyIsRead() {
    int gate = SubmitRateGate.class.getAnnotation(Priority.class).value();
    Priority bodyLimits = RequestBodyLimits.class.getAnnotation(Priority.class);
    int body = bodyLimits == null ? Priorities.USER : bodyLimits.value();
    assertTrue(gate < body, "lower priorities run first");
    assertTrue(gate > RoleCheck.BEFORE_JERSEY, "an unauthorised caller is refused, not charged");
  }

  @Test
  void bothSubmitMethodsPassTheGate() {
    long gated =
        Arrays.stream(JobsResource.class.getMethods())
            .filter(m -> m.getName().startsWith("submit"))
            .filter(m -> m.isAnnotationPresent(SubmitRateLimited.class))
            .count();
    assertEquals(2, gated);
  }

  @Test
  void runningAScheduleNowPassesTheGateLikeAnySubmission() throws NoSuchMethodException {
    assertTrue(
        SchedulesResource.class
            .getMethod("runNow", String.class)
            .isAnnotationPresent(SubmitRateLimited.class));
  }

  @Test
  void aFloodIsRefusedWithoutItsBodyBeingRead() {
    SubmitRateGate gate = gate(1);
    ContainerRequestContext request = request(Caller.of("ci", List.of(Role.SUBMITTER), "key"));
    gate.filter(request);

    ProblemException refused = assertThrows(ProblemException.class, () -> gate.filter(request));

    assertEquals(429, refused.problem().status());
    verify(request, never()).getEntityStream();
  }

  @Test
  void anAnonymousRequestIsLeftToTheRoleCheck() {
    SubmitRateGate gate = gate(1);
    ContainerRequestContext request = request(null);
    gate.filter(request);
    gate.filter(request);
  }

  private SubmitRateGate gate(double burst) {
    SubmitRateLimit limit = new SubmitRateLimit();
    limit.ratePerSecond = 1;
    limit.burst = burst;
    limit.nanoClock = now::get;
    SubmitRateGate gate = new SubmitRateGate();
    gate.limit = limit;
    return gate;
  }

  private static ContainerRequestContext request(Caller caller) {
    ContainerRequestContext request = mock(ContainerRequestContext.class);
    when(request.getProperty(Callers.ATTRIBUTE)).thenReturn(caller);
    return request;
  }
}
