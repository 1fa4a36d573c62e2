package io.taskqueue.workflow.entity;

import io.taskqueue.job.entity.JobStatus;
import java.util.List;
import java.util.Map;

/**
 * A page of a workflow: how many of all its jobs are in each status, and up to a page of its jobs
 * in submission order; {@code more} when jobs follow the page's last one.
 */
public record WorkflowPage(
    String submittedBy, Map<JobStatus, Long> statuses, List<WorkflowMember> jobs, boolean more) {}
