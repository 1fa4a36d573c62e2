package io.taskqueue.job.control;

import io.taskqueue.JobInfo;
import io.taskqueue.JobState;
import io.taskqueue.Priority;
import io.taskqueue.job.entity.Job;
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

  private static JsonValue json(String text) {
    return text == null ? null : JsonText.readValue(text);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
