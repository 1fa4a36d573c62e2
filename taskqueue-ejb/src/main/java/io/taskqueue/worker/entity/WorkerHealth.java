package io.taskqueue.worker.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * One worker thread as its node last reported it: {@code idle} or {@code busy} with {@code
 * currentJob}; attempts it finished ({@code processed}), of which {@code failed}, of which {@code
 * retried} (the others went dead).
 */
public record WorkerHealth(
    String workerId,
    String status,
    UUID currentJob,
    Instant jobStartedAt,
    long processed,
    long failed,
    long retried,
    Instant startedAt) {}
