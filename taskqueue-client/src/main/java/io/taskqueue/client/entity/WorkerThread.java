package io.taskqueue.client.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One worker thread of a node. */
public record WorkerThread(
    String workerId,
    String status,
    UUID currentJob,
    OffsetDateTime jobStartedAt,
    Long processed,
    Long failed,
    Long retried,
    OffsetDateTime startedAt) {}
