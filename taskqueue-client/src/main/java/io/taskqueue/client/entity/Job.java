package io.taskqueue.client.entity;

import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A job as the server reports it. {@code payload} and {@code result} are present when one job is
 * read, absent in lists.
 */
public record Job(
    UUID id,
    String type,
    JsonValue payload,
    String priority,
    String status,
    Integer attempt,
    Integer maxAttempts,
    OffsetDateTime createdAt,
    OffsetDateTime scheduledAt,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    String lastError,
    JsonValue result,
    String workerId,
    String submittedBy,
    String schedule,
    OffsetDateTime fireTime,
    Progress progress,
    Integer logLines,
    Integer logsDropped,
    UUID workflowId,
    String workflowKey,
    String waitingFor) {}
