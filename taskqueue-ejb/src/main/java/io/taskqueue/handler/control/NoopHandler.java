package io.taskqueue.handler.control;

import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Does nothing and succeeds: the cheapest job, for benchmarks and smoke tests. */
@ApplicationScoped
public class NoopHandler implements JobHandler {

  @Override
  public String type() {
    return "noop";
  }

  @Override
  public Object handle(JobContext context) {
    return null;
  }
}
