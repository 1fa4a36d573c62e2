package io.taskqueue.queue.entity;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/queues}: jobs waiting per priority, delayed (waiting for a retry or their run
 * time) and in flight, from Redis; which priorities are paused and jobs per status, from
 * PostgreSQL.
 */
public record QueueOverview(
    Map<String, Long> waiting,
    long delayed,
    long inFlight,
    List<String> paused,
    Map<String, Long> statuses) {}
