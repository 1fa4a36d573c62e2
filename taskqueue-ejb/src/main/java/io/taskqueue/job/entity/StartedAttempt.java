package io.taskqueue.job.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * What a worker needs to run one attempt; {@code attempt} is the attempt's fencing token. The retry
 * policy's null parts and a null timeout take the configured defaults. {@code dueSince} is when the
 * job became runnable (submission, or its run time when scheduled), for the wait reported when its
 * first attempt starts; null when unknown.
 */
public record StartedAttempt(
    UUID jobId,
    String type,
    String payload,
    Priority priority,
    int attempt,
    int maxAttempts,
    RetryPolicy retryPolicy,
    Long timeoutMs,
    Instant dueSince) {

  public StartedAttempt(
      UUID jobId, String type, String payload, Priority priority, int attempt, int maxAttempts) {
    this(jobId, type, payload, priority, attempt, maxAttempts, RetryPolicy.DEFAULTS, null, null);
  }
}
