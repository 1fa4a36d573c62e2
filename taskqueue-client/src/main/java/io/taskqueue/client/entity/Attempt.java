package io.taskqueue.client.entity;

import java.time.OffsetDateTime;

/** One finished attempt of a job. */
public record Attempt(
    Integer attempt,
    String workerId,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    Long durationMs,
    String outcome,
    String error) {}
