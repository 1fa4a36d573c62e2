package io.taskqueue.job.entity;

import java.util.UUID;

/** What a worker needs to run one attempt; {@code attempt} is the attempt's fencing token. */
public record StartedAttempt(
    UUID jobId, String type, String payload, Priority priority, int attempt, int maxAttempts) {}
