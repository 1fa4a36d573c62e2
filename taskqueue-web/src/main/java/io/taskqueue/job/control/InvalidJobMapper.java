package io.taskqueue.job.control;

import io.taskqueue.InvalidJobException;
import io.taskqueue.api.entity.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A submission the engine's rules refused: 413 for what is too large, 400 for the rest, with the
 * rule's reason as the problem type (the same refusals a Java submitter gets as exceptions).
 */
public class InvalidJobMapper implements ExceptionMapper<InvalidJobException> {

  @Override
  public Response toResponse(InvalidJobException e) {
    return new Problem(
            "urn:taskqueue:problem:" + e.reason().slug(),
            title(e.reason()),
            status(e.reason()),
            e.getMessage())
        .toResponse();
  }

  static int status(InvalidJobException.Reason reason) {
    return switch (reason) {
      case PAYLOAD_TOO_LARGE, BATCH_TOO_LARGE -> 413;
      case INVALID, UNKNOWN_TYPE, EMPTY_BATCH, INVALID_IDEMPOTENCY_KEY -> 400;
    };
  }

  static String title(InvalidJobException.Reason reason) {
    return switch (reason) {
      case INVALID -> "Invalid job";
      case UNKNOWN_TYPE -> "Unknown job type";
      case PAYLOAD_TOO_LARGE -> "Payload too large";
      case EMPTY_BATCH -> "Empty batch";
      case BATCH_TOO_LARGE -> "Batch too large";
      case INVALID_IDEMPOTENCY_KEY -> "Invalid idempotency key";
    };
  }
}
