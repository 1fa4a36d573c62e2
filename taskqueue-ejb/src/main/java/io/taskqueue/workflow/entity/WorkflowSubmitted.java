package io.taskqueue.workflow.entity;

import io.taskqueue.job.entity.Job;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stored workflow: its id, its jobs in submission order, and whether Redis took the jobs that
 * could start at once (known after commit).
 */
public record WorkflowSubmitted(UUID workflowId, List<Job> jobs, AtomicBoolean dispatched) {}
