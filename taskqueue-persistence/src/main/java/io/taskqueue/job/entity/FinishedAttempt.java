package io.taskqueue.job.entity;

import java.time.Instant;
import java.util.UUID;

/** A successful attempt, waiting to be recorded: its fence (attempt and lease), result and end. */
public record FinishedAttempt(
    UUID jobId,
    int attempt,
    long leaseId,
    String resultJson,
    String workerId,
    Instant finishedAt) {}
