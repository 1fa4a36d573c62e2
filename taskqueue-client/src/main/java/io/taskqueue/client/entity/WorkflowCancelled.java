package io.taskqueue.client.entity;

/** How many jobs a workflow cancel stopped. */
public record WorkflowCancelled(Integer cancelled) {}
