package io.taskqueue.client.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One change from the live feed ({@code job.completed}, {@code queue.paused}, {@code worker.up},
 * …); fields that do not apply to its type are null. See the README's "Live events".
 */
public record Event(
    String type,
    UUID jobId,
    String jobType,
    String priority,
    String status,
    Integer attempt,
    String workerId,
    OffsetDateTime timestamp,
    Long durationMs,
    Long waitMs,
    String error,
    Integer progress,
    String message) {}
