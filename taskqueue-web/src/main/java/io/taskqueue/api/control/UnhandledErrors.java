package io.taskqueue.api.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The API's answer to a failure that no exception mapper answered, so that no caller ever gets the
 * server's HTML error page or an empty 500: an outage of PostgreSQL or Redis is a 503 with {@code
 * Retry-After}, anything else a problem with an incident id that is logged with its stack trace
 * ({@link UnexpectedErrorMapper#problem}, written by {@link ProblemWriter}). A chaos soak saw one
 * such page on {@code /api/jobs/batch} while PostgreSQL restarted, with nothing in the node's log
 * to say where it came from; the next one is logged here.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class UnhandledErrors extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (response.isCommitted()) {
        throw e; // part of an answer has gone out: nothing else can be said
      }
      ProblemWriter.write(response, UnexpectedErrorMapper.problem(e));
    }
  }
}
