package io.taskqueue.handler.control;

import io.taskqueue.handler.boundary.JobContext;
import io.taskqueue.handler.boundary.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;

/** Sleeps {@code {"ms": n}} milliseconds (at most an hour), then succeeds: a stand-in for work. */
@ApplicationScoped
public class SleepHandler implements JobHandler {

  static final long MAX_MS = 3_600_000;

  @Override
  public boolean diagnostic() {
    return true;
  }

  @Override
  public String type() {
    return "sleep";
  }

  @Override
  public JsonValue handle(JobContext context) throws InterruptedException {
    JsonValue ms = context.payload().get("ms");
    if (!(ms instanceof JsonNumber number)
        || number.longValue() < 0
        || number.longValue() > MAX_MS) {
      throw new IllegalArgumentException("sleep needs {\"ms\": n} with 0 <= n <= " + MAX_MS);
    }
    Thread.sleep(number.longValue());
    return null;
  }
}
