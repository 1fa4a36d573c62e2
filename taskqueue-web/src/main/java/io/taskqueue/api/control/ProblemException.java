package io.taskqueue.api.control;

import io.taskqueue.api.entity.Problem;
import jakarta.ws.rs.core.Response.Status;

/** Ends a request with a problem response. {@code slug} names the problem type. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Status status, String slug, String title, String detail) {
    super(detail);
    this.problem =
        new Problem("urn:taskqueue:problem:" + slug, title, status.getStatusCode(), detail);
  }

  public static ProblemException badRequest(String slug, String title, String detail) {
    return new ProblemException(Status.BAD_REQUEST, slug, title, detail);
  }

  public Problem problem() {
    return problem;
  }
}
