package io.taskqueue.client.entity;

import java.time.OffsetDateTime;

/** How long finished jobs and audit entries are kept, and the last cleanup round. */
public record Retention(
    Integer completedDays,
    Integer deadDays,
    Integer cancelledDays,
    Integer auditDays,
    RetentionAges configured,
    String changedBy,
    OffsetDateTime changedAt,
    Integer batch,
    Long maxRunMs,
    Double dbShare,
    Long intervalMs,
    RetentionRun lastRun,
    OffsetDateTime nextRunBy) {}
