package io.taskqueue;

import java.time.Duration;
import java.time.Instant;

/**
 * A job to submit. Start from {@link #of(String, Object)} and change what you need; every other
 * part takes the deployment's default (medium priority, now, 4 attempts, the configured backoff and
 * timeout). The same rules check it as a REST submission.
 *
 * @param type the handler's job type
 * @param payload a {@link jakarta.json.JsonObject}, any object JSON-B maps to a JSON object (a
 *     record, a bean, a map), or null for {@code {}}
 * @param priority high, medium or low; null for medium
 * @param runAt when to run it, within 365 days; null for now (give it or {@code delay}, not both)
 * @param delay how long to wait before running it, up to 365 days; null for none
 * @param maxAttempts how many attempts in all, 1 to 100; null for 4
 * @param backoff the wait between attempts; null for the configured policy
 * @param timeout how long an attempt may run, up to a day; null for the configured timeout
 * @param idempotencyKey a key that makes a repeated submission return the first one's job instead
 *     of storing another (within the configured window); null for none
 */
public record JobRequest(
    String type,
    Object payload,
    Priority priority,
    Instant runAt,
    Duration delay,
    Integer maxAttempts,
    Backoff backoff,
    Duration timeout,
    String idempotencyKey) {

  /**
   * A job of {@code type} with {@code payload} and every other part defaulted.
   *
   * @param type the handler's job type
   * @param payload a JSON object, any object JSON-B maps to one, or null for {@code {}}
   * @return the request
   */
  public static JobRequest of(String type, Object payload) {
    return new JobRequest(type, payload, null, null, null, null, null, null, null);
  }

  /**
   * This request with another priority.
   *
   * @param value the priority
   * @return the changed request
   */
  public JobRequest priority(Priority value) {
    return new JobRequest(
        type, payload, value, runAt, delay, maxAttempts, backoff, timeout, idempotencyKey);
  }

  /**
   * This request to run at {@code value}.
   *
   * @param value when to run the job
   * @return the changed request
   */
  public JobRequest runAt(Instant value) {
    return new JobRequest(
        type, payload, priority, value, delay, maxAttempts, backoff, timeout, idempotencyKey);
  }

  /**
   * This request to run after {@code value}.
   *
   * @param value how long to wait before running the job
   * @return the changed request
   */
  public JobRequest delay(Duration value) {
    return new JobRequest(
        type, payload, priority, runAt, value, maxAttempts, backoff, timeout, idempotencyKey);
  }

  /**
   * This request with another attempt limit.
   *
   * @param value how many attempts in all
   * @return the changed request
   */
  public JobRequest maxAttempts(int value) {
    return new JobRequest(
        type, payload, priority, runAt, delay, value, backoff, timeout, idempotencyKey);
  }

  /**
   * This request with another retry policy.
   *
   * @param value the wait between attempts
   * @return the changed request
   */
  public JobRequest backoff(Backoff value) {
    return new JobRequest(
        type, payload, priority, runAt, delay, maxAttempts, value, timeout, idempotencyKey);
  }

  /**
   * This request with another attempt timeout.
   *
   * @param value how long an attempt may run
   * @return the changed request
   */
  public JobRequest timeout(Duration value) {
    return new JobRequest(
        type, payload, priority, runAt, delay, maxAttempts, backoff, value, idempotencyKey);
  }

  /**
   * This request with an idempotency key.
   *
   * @param value the key, up to 200 characters
   * @return the changed request
   */
  public JobRequest idempotencyKey(String value) {
    return new JobRequest(
        type, payload, priority, runAt, delay, maxAttempts, backoff, timeout, value);
  }
}
