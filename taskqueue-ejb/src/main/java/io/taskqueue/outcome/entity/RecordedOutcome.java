package io.taskqueue.outcome.entity;

import io.taskqueue.JobCompleted;
import io.taskqueue.JobDead;
import io.taskqueue.JobFailed;
import io.taskqueue.JobOutcome;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.UUID;

/**
 * One row of the outbox: the job's status change as the trigger recorded it ({@code COMPLETED},
 * {@code RETRYING} or {@code DEAD}), the job's result read at delivery (null when there is none or
 * the job is gone), and how many deliveries of it failed so far.
 */
public record RecordedOutcome(
    long id,
    UUID jobId,
    String type,
    String status,
    int attempt,
    String error,
    String resultJson,
    int failures) {

  /** The event the application observes. */
  public JobOutcome event() {
    return switch (status) {
      case "COMPLETED" -> new JobCompleted(jobId, type, attempt, result());
      case "RETRYING" -> new JobFailed(jobId, type, attempt, error);
      case "DEAD" -> new JobDead(jobId, type, attempt, error);
      default -> throw new IllegalStateException("not an outcome: " + status);
    };
  }

  private JsonValue result() {
    if (resultJson == null) {
      return JsonValue.NULL;
    }
    try (JsonReader reader = Json.createReader(new StringReader(resultJson))) {
      return reader.readValue();
    }
  }
}
