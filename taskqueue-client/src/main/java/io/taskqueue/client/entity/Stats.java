package io.taskqueue.client.entity;

import java.time.OffsetDateTime;
import java.util.Map;

/** Jobs per status and what finished in the last minute and hour. */
public record Stats(
    OffsetDateTime at,
    Map<String, Long> totals,
    Double successRate,
    WindowStats lastMinute,
    WindowStats lastHour) {}
