package io.taskqueue.client.entity;

import java.time.OffsetDateTime;

/** The job a schedule last submitted. */
public record ScheduleLastRun(String jobId, OffsetDateTime fireTime, String status) {}
