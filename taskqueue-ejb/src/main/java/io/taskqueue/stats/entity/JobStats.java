package io.taskqueue.stats.entity;

import java.time.Instant;
import java.util.Map;

/**
 * The console's numbers: jobs per status (exact), the share of finished jobs that completed rather
 * than went dead ({@code successRate}, null before any finished), and the last minute and hour.
 */
public record JobStats(
    Instant at,
    Map<String, Long> totals,
    Double successRate,
    WindowStats lastMinute,
    WindowStats lastHour) {}
