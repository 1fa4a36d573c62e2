package io.taskqueue.client.entity;

import jakarta.json.JsonValue;

/** The job a schedule submits. */
public record JobTemplate(
    String type,
    JsonValue payload,
    String priority,
    Integer maxAttempts,
    RetryPolicy backoff,
    Long timeoutMs) {}
