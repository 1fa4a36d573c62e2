package io.taskqueue.queue.entity;

import java.util.Map;

/**
 * {@code GET /api/queues}: jobs waiting per priority, delayed (waiting for a retry) and in flight,
 * from Redis; jobs per status, from PostgreSQL.
 */
public record QueueOverview(
    Map<String, Long> waiting, long delayed, long inFlight, Map<String, Long> statuses) {}
