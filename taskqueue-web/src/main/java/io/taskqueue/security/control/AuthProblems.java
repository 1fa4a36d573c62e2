package io.taskqueue.security.control;

import io.taskqueue.api.control.ProblemWriter;
import io.taskqueue.api.control.TemporaryOutages;
import io.taskqueue.api.entity.Problem;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * 401, 403, 503 and 500 problem documents written by the authentication mechanism itself, before
 * JAX-RS is reached; committed at once so the container's HTML error page cannot replace them.
 */
final class AuthProblems {

  private AuthProblems() {}

  static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"taskqueue\"");
    return send(response, Callers.unauthorized(detail));
  }

  static AuthenticationStatus forbidden(HttpServletResponse response, String detail) {
    return send(response, Callers.forbidden(detail));
  }

  /** 503 with {@code Retry-After}: the credential could not be checked, a store is away. */
  static AuthenticationStatus unavailable(HttpServletResponse response) {
    return send(response, TemporaryOutages.problem());
  }

  /** The answer {@link io.taskqueue.api.control.UnexpectedErrorMapper} chose for a failure. */
  static AuthenticationStatus unexpected(HttpServletResponse response, Problem problem) {
    return send(response, problem);
  }

  private static AuthenticationStatus send(HttpServletResponse response, Problem problem) {
    try {
      ProblemWriter.write(response, problem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
