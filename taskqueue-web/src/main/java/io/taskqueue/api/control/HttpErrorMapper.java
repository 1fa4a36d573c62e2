package io.taskqueue.api.control;

import io.taskqueue.api.entity.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Answers JAX-RS's own errors (404, 405, 406, 415, a body that could not be read, ...) with a
 * problem of the same status instead of an HTML page.
 */
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    String title = original.getStatusInfo().getReasonPhrase();
    String detail =
        status == 400 ? "The request body could not be read as the expected JSON." : title;
    return new Problem("about:blank", title, status, detail).toResponse();
  }
}
