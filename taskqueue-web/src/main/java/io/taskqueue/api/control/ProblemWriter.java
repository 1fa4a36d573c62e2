package io.taskqueue.api.control;

import io.taskqueue.api.entity.Problem;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a problem straight to a servlet response, for the places outside JAX-RS (the
 * authentication mechanism, the last-resort filter), and commits it at once so the container's HTML
 * error page cannot replace it. A 503 says when to retry.
 */
public final class ProblemWriter {

  private static final Jsonb JSON = JsonbBuilder.create();

  private ProblemWriter() {}

  public static void write(HttpServletResponse response, Problem problem) throws IOException {
    response.resetBuffer();
    response.setStatus(problem.status());
    if (problem.status() == 503) {
      response.setHeader("Retry-After", Integer.toString(TemporaryOutages.RETRY_AFTER_SECONDS));
    }
    response.setContentType(Problem.MEDIA_TYPE); // JSON is UTF-8 by definition (RFC 8259)
    response.getOutputStream().write(JSON.toJson(problem).getBytes(StandardCharsets.UTF_8));
    response.flushBuffer();
  }
}
