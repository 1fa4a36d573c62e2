package io.taskqueue.client.entity;

import java.util.List;

/**
 * One job of a workflow: {@code key} names it in the submission, {@code parents} are keys of others
 * (or ids of jobs stored earlier), {@code onParentFailure} is {@code cancel} (the default) or
 * {@code run-anyway}.
 */
public record WorkflowJob(
    String key,
    String type,
    jakarta.json.JsonObject payload,
    String priority,
    Integer maxAttempts,
    java.time.OffsetDateTime runAt,
    Long delayMs,
    RetryPolicy backoff,
    Long timeoutMs,
    List<String> parents,
    String onParentFailure) {

  /** The job {@code job} under {@code key}, after {@code parents}. */
  public static WorkflowJob of(String key, JobRequest job, String... parents) {
    return new WorkflowJob(
        key,
        job.type(),
        job.payload(),
        job.priority(),
        job.maxAttempts(),
        job.runAt(),
        job.delayMs(),
        job.backoff(),
        job.timeoutMs(),
        List.of(parents),
        null);
  }

  /** This job, run even when a parent fails for good. */
  public WorkflowJob runAnyway() {
    return new WorkflowJob(
        key,
        type,
        payload,
        priority,
        maxAttempts,
        runAt,
        delayMs,
        backoff,
        timeoutMs,
        parents,
        "run-anyway");
  }
}
