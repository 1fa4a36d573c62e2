package io.taskqueue.workflow.entity;

import io.taskqueue.job.entity.JobStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One job of a workflow as its page shows it: no payload, no result, its parents' ids. */
public record WorkflowMember(
    UUID id,
    String key,
    String type,
    JobStatus status,
    List<UUID> parents,
    OffsetDateTime createdAt,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt) {}
