package io.taskqueue.workflow.control;

import io.taskqueue.api.entity.Problem;
import io.taskqueue.workflow.entity.InvalidWorkflowException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A workflow refused before anything was stored: its status, the reason as problem type. */
public class InvalidWorkflowMapper implements ExceptionMapper<InvalidWorkflowException> {

  @Override
  public Response toResponse(InvalidWorkflowException e) {
    return new Problem(
            "urn:taskqueue:problem:" + e.reason(), "Invalid workflow", e.status(), e.getMessage())
        .toResponse();
  }
}
