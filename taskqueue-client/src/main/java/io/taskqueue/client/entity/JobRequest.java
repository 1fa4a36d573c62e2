package io.taskqueue.client.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A job to submit: {@code JobRequest.of("email.send", Map.of("to", "ada@example.com"))
 * .priority(Priority.HIGH)}. What it leaves out (null) takes the handler's defaults, else medium
 * priority and 4 attempts. Each {@code with} method returns a changed copy.
 */
public record JobRequest(
    String type,
    JsonObject payload,
    String priority,
    Integer maxAttempts,
    OffsetDateTime runAt,
    Long delayMs,
    RetryPolicy backoff,
    Long timeoutMs) {

  /** A job of {@code type} with an empty payload. */
  public static JobRequest of(String type) {
    return new JobRequest(type, null, null, null, null, null, null, null);
  }

  /** A job of {@code type} whose payload is {@code payload} (values as JSON-P turns them). */
  public static JobRequest of(String type, Map<String, ?> payload) {
    return of(type).withPayload(Json.createObjectBuilder(payload).build());
  }

  public JobRequest withPayload(JsonObject payload) {
    return new JobRequest(type, payload, priority, maxAttempts, runAt, delayMs, backoff, timeoutMs);
  }

  public JobRequest withPriority(Priority priority) {
    return new JobRequest(
        type, payload, priority.wireName(), maxAttempts, runAt, delayMs, backoff, timeoutMs);
  }

  public JobRequest withMaxAttempts(int maxAttempts) {
    return new JobRequest(type, payload, priority, maxAttempts, runAt, delayMs, backoff, timeoutMs);
  }

  /** Not to run before {@code runAt}. */
  public JobRequest withRunAt(OffsetDateTime runAt) {
    return new JobRequest(type, payload, priority, maxAttempts, runAt, null, backoff, timeoutMs);
  }

  /** Not to run until {@code delay} from when the server stores it. */
  public JobRequest withDelay(Duration delay) {
    return new JobRequest(
        type, payload, priority, maxAttempts, null, delay.toMillis(), backoff, timeoutMs);
  }

  public JobRequest withBackoff(RetryPolicy backoff) {
    return new JobRequest(type, payload, priority, maxAttempts, runAt, delayMs, backoff, timeoutMs);
  }

  /** The longest one attempt may run. */
  public JobRequest withTimeout(Duration timeout) {
    return new JobRequest(
        type, payload, priority, maxAttempts, runAt, delayMs, backoff, timeout.toMillis());
  }
}
