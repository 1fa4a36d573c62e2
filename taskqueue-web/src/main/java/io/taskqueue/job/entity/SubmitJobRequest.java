package io.taskqueue.job.entity;

import jakarta.json.JsonObject;

/**
 * {@code POST /api/jobs}: {@code type} names a handler; {@code payload} (default {@code {}}) is
 * handed to it; {@code priority} is high, medium (default) or low; {@code maxAttempts} defaults to
 * 4.
 */
public record SubmitJobRequest(
    String type, JsonObject payload, String priority, Integer maxAttempts) {}
