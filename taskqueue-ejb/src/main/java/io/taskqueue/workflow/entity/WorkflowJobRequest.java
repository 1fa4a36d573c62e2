package io.taskqueue.workflow.entity;

import io.taskqueue.job.entity.RetryPolicy;
import io.taskqueue.job.entity.SubmitJobRequest;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One job of a workflow: a job as {@code POST /api/jobs} takes it, plus {@code key} (its name in
 * this submission, which other jobs use to name it as a parent), {@code parents} (keys of jobs in
 * this submission, or ids of jobs stored earlier) and {@code onParentFailure} ({@code cancel}, the
 * default, or {@code run-anyway}).
 */
public record WorkflowJobRequest(
    String key,
    String type,
    JsonObject payload,
    String priority,
    Integer maxAttempts,
    OffsetDateTime runAt,
    Long delayMs,
    RetryPolicy backoff,
    Long timeoutMs,
    List<String> parents,
    String onParentFailure) {

  public SubmitJobRequest job() {
    return new SubmitJobRequest(
        type, payload, priority, maxAttempts, runAt, delayMs, backoff, timeoutMs);
  }

  public List<String> parentsOrNone() {
    return parents == null ? List.of() : parents;
  }
}
