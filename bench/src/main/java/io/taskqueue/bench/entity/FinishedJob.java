package io.taskqueue.bench.entity;

import java.time.Instant;

/** The server's timestamps of a completed job. */
public record FinishedJob(String id, Instant createdAt, Instant startedAt, Instant finishedAt) {}
