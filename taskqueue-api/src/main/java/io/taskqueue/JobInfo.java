package io.taskqueue;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.UUID;

/**
 * A job as PostgreSQL has it now.
 *
 * @param id the job's id
 * @param type its type
 * @param state where it is in its life
 * @param priority its priority
 * @param attempt how many attempts started (0 before the first)
 * @param maxAttempts how many it may have
 * @param payload its payload
 * @param result what the handler returned, or null
 * @param lastError the last failure's message, or null
 * @param createdAt when it was submitted
 * @param scheduledAt when it is due, or null when it was due at once
 * @param startedAt when its latest attempt started, or null
 * @param finishedAt when it finished, or null
 */
public record JobInfo(
    UUID id,
    String type,
    JobState state,
    Priority priority,
    int attempt,
    int maxAttempts,
    JsonValue payload,
    JsonValue result,
    String lastError,
    Instant createdAt,
    Instant scheduledAt,
    Instant startedAt,
    Instant finishedAt) {}
