package io.taskqueue.client.entity;

import java.time.OffsetDateTime;
import java.util.List;

/** A recurring job: its cron expression, policies, next fire times and last run. */
public record Schedule(
    String name,
    String cron,
    String timeZone,
    String description,
    JobTemplate job,
    String overlap,
    String misfire,
    Integer misfireLimit,
    Boolean paused,
    List<OffsetDateTime> nextFireTimes,
    OffsetDateTime lastFireAt,
    ScheduleLastRun lastRun,
    OffsetDateTime lastSkipAt,
    String lastSkipReason,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    String declaredBy,
    OffsetDateTime retiredAt) {}
