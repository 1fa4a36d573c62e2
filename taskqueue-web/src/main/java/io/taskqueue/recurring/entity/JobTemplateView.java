package io.taskqueue.recurring.entity;

import io.taskqueue.job.entity.RetryPolicy;
import jakarta.json.JsonValue;

/** The job a schedule submits, as {@code POST /api/jobs} would take it. */
public record JobTemplateView(
    String type,
    JsonValue payload,
    String priority,
    int maxAttempts,
    RetryPolicy backoff,
    Long timeoutMs) {}
