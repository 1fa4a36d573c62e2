package io.taskqueue.handler.control;

import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Succeeds with its payload as the result. */
@ApplicationScoped
public class EchoHandler implements JobHandler {

  @Override
  public String type() {
    return "echo";
  }

  @Override
  public Object handle(JobContext context) {
    return context.payload();
  }
}
