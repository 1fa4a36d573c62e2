package io.taskqueue.workflow.entity;

import java.util.List;

/** {@code POST /api/workflows}: the jobs of one workflow, in any order. */
public record WorkflowRequest(List<WorkflowJobRequest> jobs) {}
