package io.taskqueue.job.entity;

import io.taskqueue.json.boundary.JsonText;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A job as the API shows it: statuses and priorities in lower case, JSON as JSON; {@code schedule}
 * and {@code fireTime} name the recurring schedule and fire time that submitted it, if one did;
 * {@code progress} is what its handler last reported; {@code logLines} and {@code logsDropped}
 * count its log (read it at {@code /api/jobs/{id}/logs}); {@code workflowId} and {@code
 * workflowKey} place it in a workflow (its parents and children at {@code
 * /api/jobs/{id}/dependencies}). Lists show jobs without {@code payload} and {@code result}; the
 * job's own resource has them, and for a queued job that waits because no live node runs its type,
 * {@code waitingFor} says so.
 */
public record JobView(
    UUID id,
    String type,
    JsonValue payload,
    String priority,
    String status,
    int attempt,
    int maxAttempts,
    OffsetDateTime createdAt,
    OffsetDateTime scheduledAt,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    String lastError,
    JsonValue result,
    String workerId,
    String submittedBy,
    String schedule,
    OffsetDateTime fireTime,
    ProgressView progress,
    int logLines,
    int logsDropped,
    UUID workflowId,
    String workflowKey,
    String waitingFor) {

  public static JobView of(Job job) {
    return new JobView(
        job.getId(),
        job.getType(),
        json(job.getPayload()),
        job.getPriority().wireName(),
        job.getStatus().wireName(),
        job.getAttempt(),
        job.getMaxAttempts(),
        job.getCreatedAt(),
        job.getScheduledAt(),
        job.getStartedAt(),
        job.getFinishedAt(),
        job.getLastError(),
        json(job.getResult()),
        job.getWorkerId(),
        job.getSubmittedBy(),
        job.getScheduleName(),
        job.getFireTime(),
        ProgressView.of(job.getProgressPercent(), job.getProgressMessage(), job.getProgressAt()),
        job.getLogLines(),
        job.getLogsDropped(),
        job.getWorkflowId(),
        job.getWorkflowKey(),
        null);
  }

  /** This view with its payload and result passed through {@code hide}. */
  public JobView hiding(UnaryOperator<JsonValue> hide) {
    return new JobView(
        id,
        type,
        hide.apply(payload),
        priority,
        status,
        attempt,
        maxAttempts,
        createdAt,
        scheduledAt,
        startedAt,
        finishedAt,
        lastError,
        hide.apply(result),
        workerId,
        submittedBy,
        schedule,
        fireTime,
        progress,
        logLines,
        logsDropped,
        workflowId,
        workflowKey,
        waitingFor);
  }

  /** This view, saying why the job waits ({@code waitingFor}). */
  public JobView waiting(String why) {
    return new JobView(
        id,
        type,
        payload,
        priority,
        status,
        attempt,
        maxAttempts,
        createdAt,
        scheduledAt,
        startedAt,
        finishedAt,
        lastError,
        result,
        workerId,
        submittedBy,
        schedule,
        fireTime,
        progress,
        logLines,
        logsDropped,
        workflowId,
        workflowKey,
        why);
  }

  /** A job as lists show it: everything but its payload and result. */
  public static JobView of(JobSummary job) {
    return new JobView(
        job.id(),
        job.type(),
        null,
        job.priority().wireName(),
        job.status().wireName(),
        job.attempt(),
        job.maxAttempts(),
        job.createdAt(),
        job.scheduledAt(),
        job.startedAt(),
        job.finishedAt(),
        job.lastError(),
        null,
        job.workerId(),
        job.submittedBy(),
        job.scheduleName(),
        job.fireTime(),
        ProgressView.of(job.progressPercent(), job.progressMessage(), job.progressAt()),
        job.logLines(),
        job.logsDropped(),
        job.workflowId() == null ? null : UUID.fromString(job.workflowId()),
        job.workflowKey(),
        null);
  }

  private static JsonValue json(String text) {
    return text == null ? null : JsonText.readValue(text);
  }
}
