package io.taskqueue.api.control;

import io.taskqueue.api.entity.Problem;
import jakarta.ws.rs.core.Response.Status;
import java.util.Map;

/** Ends a request with a problem response. {@code slug} names the problem type. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;
  private final transient Map<String, String> headers;

  public ProblemException(Status status, String slug, String title, String detail) {
    this(status, slug, title, detail, Map.of());
  }

  /** A problem answered with extra response headers, such as {@code Retry-After}. */
  public ProblemException(
      Status status, String slug, String title, String detail, Map<String, String> headers) {
    super(detail);
    this.problem =
        new Problem("urn:taskqueue:problem:" + slug, title, status.getStatusCode(), detail);
    this.headers = Map.copyOf(headers);
  }

  public Map<String, String> headers() {
    return headers;
  }

  public static ProblemException badRequest(String slug, String title, String detail) {
    return new ProblemException(Status.BAD_REQUEST, slug, title, detail);
  }

  public Problem problem() {
    return problem;
  }
}
