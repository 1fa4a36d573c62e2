package io.taskqueue.api.control;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Answers a {@link ProblemException} with its problem. */
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

  @Override
  public Response toResponse(ProblemException e) {
    Response.ResponseBuilder response = Response.fromResponse(e.problem().toResponse());
    e.headers().forEach(response::header);
    return response.build();
  }
}
