package io.taskqueue.security.control;

import io.taskqueue.api.control.TemporaryOutages;
import io.taskqueue.api.entity.Problem;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * 401, 403, 503 and 500 problem documents written by the authentication mechanism itself, before
 * JAX-RS is reached; committed at once so the container's HTML error page cannot replace them.
 */
final class AuthProblems {

  private static final Jsonb JSON = JsonbBuilder.create();

  private AuthProblems() {}

  static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"taskqueue\"");
    return send(response, Callers.unauthorized(detail));
  }

  static AuthenticationStatus forbidden(HttpServletResponse response, String detail) {
    return send(response, Callers.forbidden(detail));
  }

  /** 503: the credential could not be checked because a backing store is unreachable. */
  static AuthenticationStatus unavailable(HttpServletResponse response) {
    response.setHeader("Retry-After", Integer.toString(TemporaryOutages.RETRY_AFTER_SECONDS));
    return send(response, TemporaryOutages.problem());
  }

  /** The answer {@link io.taskqueue.api.control.UnexpectedErrorMapper} chose for a failure. */
  static AuthenticationStatus unexpected(HttpServletResponse response, Problem problem) {
    return problem.status() == 503 ? unavailable(response) : send(response, problem);
  }

  private static AuthenticationStatus send(HttpServletResponse response, Problem problem) {
    try {
      response.setStatus(problem.status());
      response.setContentType(Problem.MEDIA_TYPE); // JSON is UTF-8 by definition (RFC 8259)
      response.getOutputStream().write(JSON.toJson(problem).getBytes(StandardCharsets.UTF_8));
      response.flushBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
