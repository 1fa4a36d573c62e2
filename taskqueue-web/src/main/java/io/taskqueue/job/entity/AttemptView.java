package io.taskqueue.job.entity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;

/** One finished attempt: who ran it, when, how long, how it ended and, if it failed, why. */
public record AttemptView(
    int attempt,
    String workerId,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    Long durationMs,
    String outcome,
    String error) {

  public static AttemptView of(JobAttempt attempt) {
    return new AttemptView(
        attempt.getAttempt(),
        attempt.getWorkerId(),
        attempt.getStartedAt(),
        attempt.getFinishedAt(),
        attempt.getStartedAt() == null
            ? null
            : Duration.between(attempt.getStartedAt(), attempt.getFinishedAt()).toMillis(),
        attempt.getOutcome().name().toLowerCase(Locale.ROOT),
        attempt.getError());
  }
}
