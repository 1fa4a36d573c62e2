package io.taskqueue.api.control;

import io.taskqueue.api.entity.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort. A temporary outage of PostgreSQL or Redis (see {@link TemporaryOutages}) is
 * answered 503 with {@code Retry-After} and logged in one line; anything else is logged with an
 * incident id and answered 500 with that id, never with a stack trace. The authentication
 * mechanism, which runs before JAX-RS, answers its own failures through {@link #problem} too.
 */
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Override
  public Response toResponse(Exception e) {
    Problem problem = problem(e);
    return problem.status() == 503 ? TemporaryOutages.response() : problem.toResponse();
  }

  /** Logs {@code e} and says what to answer: the 503 of an outage, or a 500 with an incident. */
  public static Problem problem(Exception e) {
    if (TemporaryOutages.isTemporary(e)) {
      LOG.warning(() -> "Backing store unreachable, answered 503: " + e);
      return TemporaryOutages.problem();
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
    return new Problem(
        "about:blank",
        "Internal Server Error",
        500,
        "The server failed to handle the request; incident " + incident + " is in its log.");
  }
}
