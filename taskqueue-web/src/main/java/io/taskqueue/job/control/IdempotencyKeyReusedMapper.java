package io.taskqueue.job.control;

import io.taskqueue.api.entity.Problem;
import io.taskqueue.job.entity.IdempotencyKeyReused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** 422: the caller reused an idempotency key for a different request (as Stripe answers it). */
public class IdempotencyKeyReusedMapper implements ExceptionMapper<IdempotencyKeyReused> {

  @Override
  public Response toResponse(IdempotencyKeyReused e) {
    return new Problem(
            "urn:taskqueue:problem:idempotency-key-reused",
            "Idempotency key reused",
            422,
            e.getMessage())
        .toResponse();
  }
}
