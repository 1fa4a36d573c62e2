package io.taskqueue.handler.boundary;

import jakarta.json.JsonObject;
import java.util.UUID;

/** One attempt of one job, as its handler sees it. */
public record JobContext(
    UUID jobId, String type, JsonObject payload, int attempt, int maxAttempts) {}
