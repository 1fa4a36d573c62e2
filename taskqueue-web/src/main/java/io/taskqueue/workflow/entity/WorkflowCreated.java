package io.taskqueue.workflow.entity;

import java.util.List;
import java.util.UUID;

/** The stored workflow: its id and each job's key, id and first status, in submission order. */
public record WorkflowCreated(UUID workflowId, List<Created> jobs) {

  public record Created(String key, UUID id, String status) {}
}
