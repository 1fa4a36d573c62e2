package io.taskqueue.job.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A job without its payload and result, as lists show it: a page of 200 jobs of 1 MiB payloads and
 * results would otherwise cost 400 MiB to read and send. Read by a JPQL constructor expression, so
 * the two columns are never fetched.
 */
public record JobSummary(
    UUID id,
    String type,
    Priority priority,
    JobStatus status,
    int attempt,
    int maxAttempts,
    OffsetDateTime createdAt,
    OffsetDateTime scheduledAt,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    String lastError,
    String workerId,
    String submittedBy,
    String scheduleName,
    OffsetDateTime fireTime,
    Integer progressPercent,
    String progressMessage,
    OffsetDateTime progressAt,
    int logLines,
    int logsDropped,
    String workflowId,
    String workflowKey) {

  /** The JPQL select list that fills a summary from {@code Job j}. */
  public static final String SELECT =
      "SELECT NEW io.taskqueue.job.entity.JobSummary(j.id, j.type, j.priority, j.status,"
          + " j.attempt, j.maxAttempts, j.createdAt, j.scheduledAt, j.startedAt, j.finishedAt,"
          + " j.lastError, j.workerId, j.submittedBy, j.scheduleName, j.fireTime,"
          + " j.progressPercent, j.progressMessage, j.progressAt, j.logLines, j.logsDropped,"
          + " j.workflowId, j.workflowKey)";
}
