package io.taskqueue.workflow.entity;

/** {@code POST /api/workflows/{id}/cancel}: how many of the workflow's jobs this call cancelled. */
public record WorkflowCancelled(int cancelled) {}
