package io.taskqueue.client.entity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One job of a workflow. */
public record WorkflowMember(
    UUID id,
    String key,
    String type,
    String status,
    List<UUID> parents,
    OffsetDateTime createdAt,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt) {}
