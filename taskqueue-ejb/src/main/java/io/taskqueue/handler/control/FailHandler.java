package io.taskqueue.handler.control;

import io.taskqueue.handler.boundary.JobContext;
import io.taskqueue.handler.boundary.JobHandler;
import io.taskqueue.handler.boundary.NonRetryableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;

/**
 * Fails its first {@code {"times": n}} attempts and succeeds after; fails every attempt when {@code
 * times} is absent. {@code "message"} is added to the error; {@code "permanent": true} fails with a
 * non-retryable error. For trying retries and dead letters.
 */
@ApplicationScoped
public class FailHandler implements JobHandler {

  @Override
  public boolean diagnostic() {
    return true;
  }

  @Override
  public String type() {
    return "fail";
  }

  @Override
  public JsonValue handle(JobContext context) throws NonRetryableException {
    JsonValue times = context.payload().get("times");
    if (times instanceof JsonNumber n && context.attempt() > n.intValue()) {
      return null;
    }
    String message =
        "fail: attempt "
            + context.attempt()
            + " fails as the payload asks"
            + (context.payload().containsKey("message")
                ? ": " + context.payload().get("message")
                : "");
    if (context.payload().getBoolean("permanent", false)) {
      throw new NonRetryableException(message);
    }
    throw new IllegalStateException(message);
  }
}
