package io.taskqueue.job.entity;

import java.util.UUID;

/**
 * What a worker needs to run one attempt; {@code attempt} is the attempt's fencing token. The retry
 * policy's null parts and a null timeout take the configured defaults.
 */
public record StartedAttempt(
    UUID jobId,
    String type,
    String payload,
    Priority priority,
    int attempt,
    int maxAttempts,
    RetryPolicy retryPolicy,
    Long timeoutMs) {

  public StartedAttempt(
      UUID jobId, String type, String payload, Priority priority, int attempt, int maxAttempts) {
    this(jobId, type, payload, priority, attempt, maxAttempts, RetryPolicy.DEFAULTS, null);
  }
}
