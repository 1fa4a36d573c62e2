package io.taskqueue.handler.control;

import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import io.taskqueue.JobInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;

/**
 * Succeeds with its parents' results, oldest parent first ({@code {"parents": [{"id", "type",
 * "state", "result"}]}}): the fan-in end of a workflow, and a way to see what a child receives.
 */
@ApplicationScoped
public class JoinHandler implements JobHandler {

  @Override
  public String type() {
    return "join";
  }

  @Override
  public Object handle(JobContext context) {
    JsonArrayBuilder parents = Json.createArrayBuilder();
    for (JobInfo parent : context.parents()) {
      parents.add(
          Json.createObjectBuilder()
              .add("id", parent.id().toString())
              .add("type", parent.type())
              .add("state", parent.state().name().toLowerCase(java.util.Locale.ROOT))
              .add("result", parent.result() == null ? JsonValue.NULL : parent.result()));
    }
    return Json.createObjectBuilder().add("parents", parents).build();
  }
}
