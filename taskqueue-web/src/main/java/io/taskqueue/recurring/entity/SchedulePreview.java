package io.taskqueue.recurring.entity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a cron expression in a time zone means: in words, and its next fire times both as instants
 * and as wall-clock times in that zone.
 */
public record SchedulePreview(
    String description, List<OffsetDateTime> nextFireTimes, List<String> localTimes) {}
