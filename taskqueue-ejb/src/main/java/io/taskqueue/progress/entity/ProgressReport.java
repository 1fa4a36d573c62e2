package io.taskqueue.progress.entity;

import java.time.Instant;
import java.util.UUID;

/** The latest progress an attempt reported: 0 to 100 and what it is doing. */
public record ProgressReport(
    UUID jobId, String jobType, int attempt, int percent, String message, Instant at) {}
