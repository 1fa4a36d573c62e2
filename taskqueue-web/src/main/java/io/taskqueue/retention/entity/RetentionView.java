package io.taskqueue.retention.entity;

import java.time.Instant;

/**
 * {@code GET /api/retention}: the ages in force (days; 0 keeps for ever), the configured ones, who
 * changed them at run time, how a round is paced, and the last round.
 *
 * @param nextRunBy when the next round starts at the latest: every node tries once per interval
 */
public record RetentionView(
    int completedDays,
    int deadDays,
    int cancelledDays,
    int auditDays,
    RetentionAges configured,
    String changedBy,
    Instant changedAt,
    int batch,
    long maxRunMs,
    double dbShare,
    long intervalMs,
    RetentionRun lastRun,
    Instant nextRunBy) {}
