package io.taskqueue.client.entity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A page of a workflow: its counts per status and its jobs. */
public record Workflow(
    UUID id, Map<String, Long> statuses, List<WorkflowMember> jobs, String nextCursor) {}
