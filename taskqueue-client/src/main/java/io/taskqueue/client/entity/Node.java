package io.taskqueue.client.entity;

import java.time.OffsetDateTime;
import java.util.List;

/** A live node and its worker threads. */
public record Node(
    String nodeId,
    String status,
    OffsetDateTime startedAt,
    OffsetDateTime heartbeatAt,
    Integer workers,
    Double utilisation,
    List<WorkerThread> threads) {}
