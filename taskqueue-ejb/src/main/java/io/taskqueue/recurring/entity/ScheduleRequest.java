package io.taskqueue.recurring.entity;

import io.taskqueue.job.entity.SubmitJobRequest;

/**
 * A schedule as {@code POST /api/schedules} and {@code PUT /api/schedules/{name}} bind it: {@code
 * name} (letters, digits, {@code . _ -}; unique), {@code cron} (five Unix or six to seven Quartz
 * fields), {@code timeZone} (IANA, default UTC), {@code job} (a job as {@code POST /api/jobs} takes
 * it, without {@code runAt} or {@code delayMs}), {@code overlap} ({@code allow} by default or
 * {@code skip}), {@code misfire} ({@code skip} by default, {@code fire-once} or {@code fire-all}),
 * {@code misfireLimit} (how many missed fire times {@code fire-all} submits at most, default 10),
 * {@code paused} (default false).
 */
public record ScheduleRequest(
    String name,
    String cron,
    String timeZone,
    SubmitJobRequest job,
    String overlap,
    String misfire,
    Integer misfireLimit,
    Boolean paused) {}
