package io.taskqueue.job.control;

import io.taskqueue.JobInfo;
import io.taskqueue.JobState;
import io.taskqueue.Priority;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.JobSummary;
import io.taskqueue.json.boundary.JsonText;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A stored job as the public API shows it. */
public final class JobInfos {

  private JobInfos() {}

  public static JobInfo of(Job job) {
    return new JobInfo(
        job.getId(),
        job.getType(),
        JobState.valueOf(job.getStatus().name()),
        Priority.valueOf(job.getPriority().name()),
        job.getAttempt(),
        job.getMaxAttempts(),
        json(job.getPayload()),
        json(job.getResult()),
        job.getLastError(),
        instant(job.getCreatedAt()),
        instant(job.getScheduledAt()),
        instant(job.getStartedAt()),
        instant(job.getFinishedAt()));
  }

  /** A listed job: a list reads neither payload nor result, so both are null. */
  public static JobInfo of(JobSummary job) {
    return new JobInfo(
        job.id(),
        job.type(),
        JobState.valueOf(job.status().name()),
        Priority.valueOf(job.priority().name()),
        job.attempt(),
        job.maxAttempts(),
        null,
        null,
        job.lastError(),
        instant(job.createdAt()),
        instant(job.scheduledAt()),
        instant(job.startedAt()),
        instant(job.finishedAt()));
  }

  private static JsonValue json(String text) {
    return text == null ? null : JsonText.readValue(text);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
