package io.taskqueue.handler.control;

import io.taskqueue.handler.boundary.JobContext;
import io.taskqueue.handler.boundary.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;

/** Succeeds with its payload as the result. */
@ApplicationScoped
public class EchoHandler implements JobHandler {

  @Override
  public String type() {
    return "echo";
  }

  @Override
  public JsonValue handle(JobContext context) {
    return context.payload();
  }
}
