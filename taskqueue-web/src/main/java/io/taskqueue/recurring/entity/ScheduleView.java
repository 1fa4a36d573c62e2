package io.taskqueue.recurring.entity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A schedule as the API shows it: its definition, the next fire times (none while paused), an
 * English wording of its cron expression, its latest job and the latest skipped fire time. A
 * schedule declared in code names the handler class that declares it ({@code declaredBy}, null for
 * one made through the API) and, once no deployment declares it any more, when it was paused for
 * that ({@code retiredAt}).
 */
public record ScheduleView(
    String name,
    String cron,
    String timeZone,
    String description,
    JobTemplateView job,
    String overlap,
    String misfire,
    int misfireLimit,
    boolean paused,
    List<OffsetDateTime> nextFireTimes,
    OffsetDateTime lastFireAt,
    LastRun lastRun,
    OffsetDateTime lastSkipAt,
    String lastSkipReason,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    String declaredBy,
    OffsetDateTime retiredAt) {

  /** The schedule's latest job: its fire time (null when run by hand) and its status now. */
  public record LastRun(String jobId, OffsetDateTime fireTime, String status) {}
}
