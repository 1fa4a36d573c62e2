package io.taskqueue.job.entity;

import java.time.OffsetDateTime;

/**
 * A validated job submission. {@code payload} is JSON text; {@code runAt} (or null for now), the
 * retry policy's null parts and a null {@code timeoutMs} take the configured defaults.
 */
public record NewJob(
    String type,
    String payload,
    Priority priority,
    int maxAttempts,
    OffsetDateTime runAt,
    RetryPolicy retryPolicy,
    Long timeoutMs) {

  /** A job to run now with the default policy and timeout. */
  public NewJob(String type, String payload, Priority priority, int maxAttempts) {
    this(type, payload, priority, maxAttempts, null, RetryPolicy.DEFAULTS, null);
  }
}
