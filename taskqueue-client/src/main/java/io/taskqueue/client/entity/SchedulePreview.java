package io.taskqueue.client.entity;

import java.time.OffsetDateTime;
import java.util.List;

/** When a cron expression fires, in UTC and local time. */
public record SchedulePreview(
    String description, List<OffsetDateTime> nextFireTimes, List<String> localTimes) {}
