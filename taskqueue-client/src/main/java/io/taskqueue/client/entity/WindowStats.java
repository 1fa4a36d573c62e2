package io.taskqueue.client.entity;

/** What finished in a window of time. */
public record WindowStats(
    Long seconds,
    Long completed,
    Long failed,
    Double successRate,
    Double throughputPerSecond,
    Double averageMs,
    Long p95Ms) {}
