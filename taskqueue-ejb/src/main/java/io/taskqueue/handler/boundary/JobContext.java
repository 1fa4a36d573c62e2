package io.taskqueue.handler.boundary;

import jakarta.json.JsonObject;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * One attempt of one job, as its handler sees it. A long handler should check {@link
 * #isCancelled()} between steps; the worker thread is also interrupted on cancel and on timeout.
 */
public record JobContext(
    UUID jobId,
    String type,
    JsonObject payload,
    int attempt,
    int maxAttempts,
    BooleanSupplier cancellation) {

  /** Whether a user cancelled this job, or its time ran out: stop as soon as you can. */
  public boolean isCancelled() {
    return cancellation.getAsBoolean();
  }
}
