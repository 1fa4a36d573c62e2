package io.taskqueue.job.entity;

import java.time.OffsetDateTime;

/**
 * A validated job submission. {@code payload} is JSON text; {@code runAt} (or null for now), the
 * retry policy's null parts and a null {@code timeoutMs} take the configured defaults; {@code
 * submittedBy} names the caller (null when unknown).
 */
public record NewJob(
    String type,
    String payload,
    Priority priority,
    int maxAttempts,
    OffsetDateTime runAt,
    RetryPolicy retryPolicy,
    Long timeoutMs,
    String submittedBy) {

  public NewJob(
      String type,
      String payload,
      Priority priority,
      int maxAttempts,
      OffsetDateTime runAt,
      RetryPolicy retryPolicy,
      Long timeoutMs) {
    this(type, payload, priority, maxAttempts, runAt, retryPolicy, timeoutMs, null);
  }

  /** A job to run now with the default policy and timeout. */
  public NewJob(String type, String payload, Priority priority, int maxAttempts) {
    this(type, payload, priority, maxAttempts, null, RetryPolicy.DEFAULTS, null);
  }

  /** The same job, recorded as submitted by {@code caller}. */
  public NewJob submittedBy(String caller) {
    return new NewJob(type, payload, priority, maxAttempts, runAt, retryPolicy, timeoutMs, caller);
  }
}
