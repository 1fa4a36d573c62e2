package io.taskqueue.worker.entity;

import java.time.Instant;
import java.util.List;

/**
 * A node's heartbeat: {@code running}, or {@code stopping} during a graceful shutdown; {@code
 * utilisation} is the share of its worker threads busy right now.
 */
public record NodeHealth(
    String nodeId,
    String status,
    Instant startedAt,
    Instant heartbeatAt,
    int workers,
    double utilisation,
    List<WorkerHealth> threads) {}
