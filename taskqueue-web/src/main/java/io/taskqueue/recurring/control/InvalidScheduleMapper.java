package io.taskqueue.recurring.control;

import io.taskqueue.api.entity.Problem;
import io.taskqueue.recurring.boundary.Schedules;
import io.taskqueue.recurring.entity.InvalidScheduleException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A schedule the rules refused: 400, with the rule's reason as the problem type. */
public class InvalidScheduleMapper implements ExceptionMapper<InvalidScheduleException> {

  @Override
  public Response toResponse(InvalidScheduleException e) {
    // A schedule declared in code is valid; it is its owner, the code, that refuses the change.
    boolean declared = Schedules.DECLARED_IN_CODE.equals(e.reason());
    return new Problem(
            "urn:taskqueue:problem:" + e.reason(),
            declared ? "Schedule declared in code" : "Invalid schedule",
            declared ? 409 : 400,
            e.getMessage())
        .toResponse();
  }
}
