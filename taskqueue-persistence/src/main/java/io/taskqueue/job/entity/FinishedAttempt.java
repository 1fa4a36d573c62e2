package io.taskqueue.job.entity;

import java.time.Instant;
import java.util.UUID;

/** A successful attempt, waiting to be recorded: its fencing token, result and end. */
public record FinishedAttempt(
    UUID jobId, int attempt, String resultJson, String workerId, Instant finishedAt) {}
