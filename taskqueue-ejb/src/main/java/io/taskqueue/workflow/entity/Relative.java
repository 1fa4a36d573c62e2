package io.taskqueue.workflow.entity;

import io.taskqueue.job.entity.JobStatus;
import java.util.UUID;

/** A parent or child of a job: its id, workflow key (if any), type and status now. */
public record Relative(UUID id, String key, String type, JobStatus status) {}
