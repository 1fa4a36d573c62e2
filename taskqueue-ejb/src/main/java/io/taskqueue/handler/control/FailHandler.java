package io.taskqueue.handler.control;

import io.taskqueue.handler.boundary.JobContext;
import io.taskqueue.handler.boundary.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;

/**
 * Fails its first {@code {"times": n}} attempts and succeeds after; fails every attempt when {@code
 * times} is absent. For trying retries and dead letters.
 */
@ApplicationScoped
public class FailHandler implements JobHandler {

  @Override
  public String type() {
    return "fail";
  }

  @Override
  public JsonValue handle(JobContext context) {
    JsonValue times = context.payload().get("times");
    if (times instanceof JsonNumber n && context.attempt() > n.intValue()) {
      return null;
    }
    throw new IllegalStateException(
        "fail: attempt " + context.attempt() + " fails as the payload asks");
  }
}
