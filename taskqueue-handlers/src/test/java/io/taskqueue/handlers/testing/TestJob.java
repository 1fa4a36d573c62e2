package io.taskqueue.handlers.testing;

import io.taskqueue.JobContext;
import jakarta.json.JsonObject;
import java.util.UUID;

/** A first attempt of a job, as the engine would hand it to a handler. */
public record TestJob(UUID jobId, String type, JsonObject payload) implements JobContext {

  @Override
  public <T> T payload(Class<T> type) {
    throw new UnsupportedOperationException("the handlers read the JSON payload");
  }

  @Override
  public int attempt() {
    return 1;
  }

  @Override
  public int maxAttempts() {
    return 3;
  }

  @Override
  public boolean isCancelled() {
    return false;
  }
}
