package io.taskqueue.handler.control;

import io.taskqueue.handler.boundary.JobContext;
import io.taskqueue.handler.boundary.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;

/** Does nothing and succeeds: the cheapest job, for benchmarks and smoke tests. */
@ApplicationScoped
public class NoopHandler implements JobHandler {

  @Override
  public String type() {
    return "noop";
  }

  @Override
  public JsonValue handle(JobContext context) {
    return null;
  }
}
