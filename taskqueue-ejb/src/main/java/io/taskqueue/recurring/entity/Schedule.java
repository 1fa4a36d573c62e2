package io.taskqueue.recurring.entity;

import io.taskqueue.job.entity.NewJob;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored schedule: its cron expression in {@code timeZone}, the job it submits at each fire time,
 * its policies, and where it stands ({@code nextFireAt} is the first fire time not handled yet;
 * {@code lastJobId} the job of its latest fire or "run now"; the last skip and why).
 */
public record Schedule(
    String name,
    String cron,
    String timeZone,
    NewJob job,
    OverlapPolicy overlap,
    MisfirePolicy misfire,
    int misfireLimit,
    boolean paused,
    Instant nextFireAt,
    Instant lastFireAt,
    UUID lastJobId,
    Instant lastSkipAt,
    String lastSkipReason,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {}
