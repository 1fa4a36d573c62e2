package io.taskqueue.recurring.control;

import io.taskqueue.api.entity.Problem;
import io.taskqueue.recurring.entity.InvalidScheduleException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A schedule the rules refused: 400, with the rule's reason as the problem type. */
public class InvalidScheduleMapper implements ExceptionMapper<InvalidScheduleException> {

  @Override
  public Response toResponse(InvalidScheduleException e) {
    return new Problem(
            "urn:taskqueue:problem:" + e.reason(), "Invalid schedule", 400, e.getMessage())
        .toResponse();
  }
}
