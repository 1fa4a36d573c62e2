package io.taskqueue.job.entity;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;

/**
 * A submission before the rules checked it, as {@code POST /api/jobs} binds it and as the Java API
 * builds it: {@code type} names a handler; {@code payload} (default {@code {}}) is handed to it;
 * {@code priority} is high, medium (default) or low; {@code maxAttempts} defaults to 4; {@code
 * runAt} or {@code delayMs} postpone it; {@code backoff} and {@code timeoutMs} override the
 * configured retry policy and attempt timeout. One constructor only: JSON-B binds records through
 * their single canonical constructor.
 */
public record SubmitJobRequest(
    String type,
    JsonObject payload,
    String priority,
    Integer maxAttempts,
    OffsetDateTime runAt,
    Long delayMs,
    RetryPolicy backoff,
    Long timeoutMs) {}
