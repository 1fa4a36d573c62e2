package io.taskqueue.client.entity;

import java.util.List;
import java.util.UUID;

/** A stored workflow and its jobs' ids. */
public record WorkflowCreated(UUID workflowId, List<CreatedJob> jobs) {}
