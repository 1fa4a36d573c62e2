package io.taskqueue.api.control;

import io.taskqueue.api.entity.Problem;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Answers a body that is not valid JSON, or JSON of the wrong shape (an unknown field, a string
 * where a number belongs), with 400 and the parser's reason.
 */
public class MalformedJsonMapper implements ExceptionMapper<ProcessingException> {

  @Override
  public Response toResponse(ProcessingException e) {
    return responseFor(e);
  }

  /** The response for a body that failed to parse; a size-limit refusal inside keeps its 413. */
  static Response responseFor(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof WebApplicationException refusal) {
        return refusal.getResponse();
      }
    }
    return problem(e).toResponse();
  }

  private static Problem problem(Throwable e) {
    return new Problem("urn:taskqueue:problem:malformed-json", "Malformed JSON", 400, reason(e));
  }

  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if ((t instanceof JsonbException || t instanceof JsonException) && t.getMessage() != null) {
        String message = t.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
      }
    }
    return "The request body is not valid JSON of the expected shape.";
  }
}
