package io.taskqueue.job.control;

import io.taskqueue.Backoff;
import io.taskqueue.InvalidJobException;
import io.taskqueue.InvalidJobException.Reason;
import io.taskqueue.JobDefaults;
import io.taskqueue.JobRequest;
import io.taskqueue.job.entity.RetryPolicy;
import io.taskqueue.job.entity.SubmitJobRequest;
import io.taskqueue.json.boundary.JsonBinding;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * A Java submission in the form the rules check, so that Java and REST submitters meet the same
 * rules: durations become milliseconds, the payload a JSON object.
 */
public final class JavaRequests {

  private JavaRequests() {}

  public static SubmitJobRequest draft(JobRequest request) {
    if (request == null) {
      throw new InvalidJobException(Reason.INVALID, "a job request is required.");
    }
    return new SubmitJobRequest(
        request.type(),
        payload(request.payload()),
        request.priority() == null ? null : request.priority().name().toLowerCase(Locale.ROOT),
        request.maxAttempts(),
        request.runAt() == null ? null : request.runAt().atOffset(ZoneOffset.UTC),
        millis(request.delay()),
        policy(request.backoff()),
        millis(request.timeout()));
  }

  /**
   * {@code request} with the blanks its submitter left filled from a handler's {@code defaults}:
   * what the submitter gave always wins. The result goes through the same rules as any submit.
   */
  public static SubmitJobRequest withDefaults(SubmitJobRequest request, JobDefaults defaults) {
    if (request == null) {
      return null;
    }
    return new SubmitJobRequest(
        request.type(),
        request.payload(),
        request.priority() != null || defaults.priority() == null
            ? request.priority()
            : defaults.priority().name().toLowerCase(Locale.ROOT),
        request.maxAttempts() != null ? request.maxAttempts() : defaults.maxAttempts(),
        request.runAt(),
        request.delayMs(),
        request.backoff() != null ? request.backoff() : policy(defaults.backoff()),
        request.timeoutMs() != null ? request.timeoutMs() : millis(defaults.timeout()));
  }

  private static JsonObject payload(Object payload) {
    if (payload == null) {
      return null;
    }
    try {
      return JsonBinding.toJsonObject(payload)
          .orElseThrow(
              () ->
                  new InvalidJobException(
                      Reason.INVALID,
                      "payload must be a JSON object, or map to one with JSON-B; "
                          + payload.getClass().getName()
                          + " does not."));
    } catch (JsonbException e) {
      throw new InvalidJobException(
          Reason.INVALID,
          "payload " + payload.getClass().getName() + " does not map to JSON: " + e.getMessage());
    }
  }

  private static RetryPolicy policy(Backoff backoff) {
    if (backoff == null) {
      return null;
    }
    return new RetryPolicy(
        millis(backoff.initial()), backoff.multiplier(), millis(backoff.max()), backoff.jitter());
  }

  /** Milliseconds, saturated: an absurd duration fails the rules' range check, not an overflow. */
  private static Long millis(Duration duration) {
    if (duration == null) {
      return null;
    }
    try {
      return duration.toMillis();
    } catch (ArithmeticException e) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
