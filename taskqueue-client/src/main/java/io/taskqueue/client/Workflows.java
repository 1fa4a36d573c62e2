package io.taskqueue.client;

import io.taskqueue.client.control.Call;
import io.taskqueue.client.control.Transport;
import io.taskqueue.client.entity.Workflow;
import io.taskqueue.client.entity.WorkflowCancelled;
import io.taskqueue.client.entity.WorkflowCreated;
import io.taskqueue.client.entity.WorkflowRequest;
import java.util.UUID;

/** {@code /api/workflows}: jobs that wait for other jobs. */
public final class Workflows {

  private final Transport transport;

  Workflows(Transport transport) {
    this.transport = transport;
  }

  /** Stores the workflow, all of it or nothing; jobs without parents are queued at once. */
  public WorkflowCreated submit(WorkflowRequest workflow) {
    return transport.send(
        Call.post("submitWorkflow", "api/workflows", workflow), WorkflowCreated.class);
  }

  /** The workflow's counts per status and its first 1,000 jobs. */
  public Workflow get(UUID id) {
    return transport.send(Call.get("getWorkflow", "api/workflows/" + id), Workflow.class);
  }

  /** Cancels every unfinished job of the workflow; how many. */
  public int cancel(UUID id) {
    return transport
        .send(
            Call.post("cancelWorkflow", "api/workflows/" + id + "/cancel", null),
            WorkflowCancelled.class)
        .cancelled();
  }
}
