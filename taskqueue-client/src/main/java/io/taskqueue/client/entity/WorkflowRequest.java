package io.taskqueue.client.entity;

import java.util.List;

/** Jobs that depend on each other, stored together: all of them or none. */
public record WorkflowRequest(List<WorkflowJob> jobs) {

  public static WorkflowRequest of(WorkflowJob... jobs) {
    return new WorkflowRequest(List.of(jobs));
  }
}
