package io.taskqueue.client.entity;

import java.time.OffsetDateTime;
import java.util.Map;

/** A cleanup round. */
public record RetentionRun(
    String node,
    OffsetDateTime startedAt,
    Long durationMs,
    Map<String, Long> removed,
    Boolean complete) {}
