package io.taskqueue.progress.entity;

import io.taskqueue.LogLevel;
import java.time.Instant;
import java.util.UUID;

/** One line a handler logged in one attempt of a job ({@code seq} numbers it within the job). */
public record LogLine(
    UUID jobId, int seq, int attempt, Instant at, LogLevel level, String message) {}
