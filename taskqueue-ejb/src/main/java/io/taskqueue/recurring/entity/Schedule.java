package io.taskqueue.recurring.entity;

import io.taskqueue.job.entity.NewJob;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored schedule: its cron expression in {@code timeZone}, the job it submits at each fire time,
 * its policies, and where it stands ({@code nextFireAt} is the first fire time not handled yet;
 * {@code lastJobId} the job of its latest fire or "run now"; the last skip and why). A schedule
 * declared in code names the handler class that declares it in {@code declaredBy} (null for one
 * made through the API) and, once a deployment stopped declaring it, when: {@code retiredAt}.
 */
public record Schedule(
    String name,
    String cron,
    String timeZone,
    NewJob job,
    OverlapPolicy overlap,
    MisfirePolicy misfire,
    int misfireLimit,
    boolean paused,
    Instant nextFireAt,
    Instant lastFireAt,
    UUID lastJobId,
    Instant lastSkipAt,
    String lastSkipReason,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    String declaredBy,
    Instant retiredAt) {

  /** This schedule as {@code handlerClass} declares it in code, retired at {@code retiredAt}. */
  public Schedule declared(String handlerClass, Instant retiredAt) {
    return new Schedule(
        name,
        cron,
        timeZone,
        job,
        overlap,
        misfire,
        misfireLimit,
        paused,
        nextFireAt,
        lastFireAt,
        lastJobId,
        lastSkipAt,
        lastSkipReason,
        createdBy,
        createdAt,
        updatedAt,
        handlerClass,
        retiredAt);
  }

  /**
   * Whether {@code other} submits the same job at the same times with the same policies. Payloads
   * are compared as JSON: PostgreSQL gives back its own spelling of what was stored.
   */
  public boolean sameDefinition(Schedule other) {
    NewJob mine = job;
    NewJob theirs = other.job;
    return cron.equals(other.cron)
        && timeZone.equals(other.timeZone)
        && mine.type().equals(theirs.type())
        && json(mine.payload()).equals(json(theirs.payload()))
        && mine.priority() == theirs.priority()
        && mine.maxAttempts() == theirs.maxAttempts()
        && Objects.equals(mine.retryPolicy(), theirs.retryPolicy())
        && Objects.equals(mine.timeoutMs(), theirs.timeoutMs())
        && overlap == other.overlap
        && misfire == other.misfire
        && misfireLimit == other.misfireLimit;
  }

  private static JsonValue json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
