package io.taskqueue.job.control;

import io.taskqueue.InvalidJobException;
import io.taskqueue.InvalidJobException.Reason;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.RetryPolicy;
import io.taskqueue.job.entity.SubmitJobRequest;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks submissions before anything is stored, the same for REST and Java submitters: type name
 * and handler, priority, attempts, payload size, depth and string lengths, run time, retry policy,
 * timeout and batch size. A batch is refused whole when any job in it is invalid.
 */
public final class SubmissionRules {

  public static final int DEFAULT_MAX_ATTEMPTS = 4;
  public static final int MAX_ATTEMPTS_LIMIT = 100;
  public static final int MAX_KEY_LENGTH = 200;
  static final Duration MAX_DELAY = Duration.ofDays(365);
  static final Duration MAX_TIMEOUT = Duration.ofDays(1);
  static final Duration MAX_BACKOFF = Duration.ofDays(7);

  /** What a job type name may be: it is echoed in errors, logs, metrics labels and the console. */
  static final Pattern TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

  private final Set<String> knownTypes;
  private final int maxPayloadBytes;
  private final int maxBatch;
  private final JsonLimits jsonLimits;

  public SubmissionRules(Set<String> knownTypes, int maxPayloadBytes, int maxBatch) {
    this(knownTypes, maxPayloadBytes, maxBatch, JsonLimits.DEFAULTS);
  }

  public SubmissionRules(
      Set<String> knownTypes, int maxPayloadBytes, int maxBatch, JsonLimits jsonLimits) {
    this.knownTypes = knownTypes;
    this.maxPayloadBytes = maxPayloadBytes;
    this.maxBatch = maxBatch;
    this.jsonLimits = jsonLimits;
  }

  /** {@code key} when it is null (none) or 1 to {@value #MAX_KEY_LENGTH} characters. */
  public static String checkIdempotencyKey(String key) {
    if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
      throw new InvalidJobException(
          Reason.INVALID_IDEMPOTENCY_KEY,
          "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters.");
    }
    return key;
  }

  public NewJob check(SubmitJobRequest request) {
    return check(request, "");
  }

  public List<NewJob> checkBatch(List<SubmitJobRequest> requests) {
    if (requests == null || requests.isEmpty()) {
      throw new InvalidJobException(
          Reason.EMPTY_BATCH, "A batch holds 1 to " + maxBatch + " jobs.");
    }
    if (requests.size() > maxBatch) {
      throw new InvalidJobException(
          Reason.BATCH_TOO_LARGE,
          "A batch holds at most " + maxBatch + " jobs; this one has " + requests.size() + ".");
    }
    List<NewJob> jobs = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      jobs.add(check(requests.get(i), "jobs[" + i + "]: "));
    }
    return jobs;
  }

  private NewJob check(SubmitJobRequest request, String where) {
    if (request == null) {
      throw invalid(where + "a job must be a JSON object.");
    }
    if (request.type() != null && !TYPE.matcher(request.type()).matches()) {
      throw invalid(
          where
              + "type must be 1 to 100 letters, digits, '.', '_', ':' or '-', starting with a"
              + " letter or digit.");
    }
    if (request.type() == null || !knownTypes.contains(request.type())) {
      throw new InvalidJobException(
          Reason.UNKNOWN_TYPE,
          where
              + (request.type() == null
                  ? "type is required"
                  : "no node of the cluster runs type '" + request.type() + "'")
              + "; known types: "
              + String.join(", ", knownTypes)
              + ".");
    }
    Priority priority = Priority.MEDIUM;
    if (request.priority() != null) {
      priority =
          Priority.fromWireName(request.priority())
              .orElseThrow(() -> invalid(where + "priority must be high, medium or low."));
    }
    int maxAttempts = request.maxAttempts() == null ? DEFAULT_MAX_ATTEMPTS : request.maxAttempts();
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
      throw invalid(where + "maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + ".");
    }
    String payload =
        request.payload() == null
            ? JsonValue.EMPTY_JSON_OBJECT.toString()
            : request.payload().toString();
    int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxPayloadBytes) {
      throw new InvalidJobException(
          Reason.PAYLOAD_TOO_LARGE,
          where + "payload is " + bytes + " bytes; the limit is " + maxPayloadBytes + ".");
    }
    if (request.payload() != null) {
      jsonLimits
          .violation(request.payload())
          .ifPresent(
              problem -> {
                throw invalid(where + "payload " + problem + ".");
              });
    }
    return new NewJob(
        request.type(),
        payload,
        priority,
        maxAttempts,
        runAt(request, where),
        policy(request.backoff(), where),
        timeout(request.timeoutMs(), where));
  }

  private static OffsetDateTime runAt(SubmitJobRequest request, String where) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    if (request.runAt() != null && request.delayMs() != null) {
      throw invalid(where + "give runAt or delayMs, not both.");
    }
    if (request.delayMs() != null) {
      if (request.delayMs() < 0 || request.delayMs() > MAX_DELAY.toMillis()) {
        throw invalid(where + "delayMs must be between 0 and " + MAX_DELAY.toMillis() + ".");
      }
      return now.plus(Duration.ofMillis(request.delayMs()));
    }
    if (request.runAt() != null && request.runAt().isAfter(now.plus(MAX_DELAY))) {
      throw invalid(where + "runAt must be within " + MAX_DELAY.toDays() + " days.");
    }
    return request.runAt();
  }

  private static RetryPolicy policy(RetryPolicy backoff, String where) {
    if (backoff == null) {
      return RetryPolicy.DEFAULTS;
    }
    long maxMs = MAX_BACKOFF.toMillis();
    if ((backoff.initialMs() != null && (backoff.initialMs() < 0 || backoff.initialMs() > maxMs))
        || (backoff.maxMs() != null && (backoff.maxMs() < 0 || backoff.maxMs() > maxMs))
        || (backoff.multiplier() != null && (backoff.multiplier() < 1 || backoff.multiplier() > 10))
        || (backoff.jitter() != null && (backoff.jitter() < 0 || backoff.jitter() >= 1))) {
      throw invalid(
          where
              + "backoff needs 0 <= initialMs, maxMs <= "
              + maxMs
              + ", 1 <= multiplier <= 10 and 0 <= jitter < 1.");
    }
    return backoff;
  }

  private static Long timeout(Long timeoutMs, String where) {
    if (timeoutMs != null && (timeoutMs < 1 || timeoutMs > MAX_TIMEOUT.toMillis())) {
      throw invalid(where + "timeoutMs must be between 1 and " + MAX_TIMEOUT.toMillis() + ".");
    }
    return timeoutMs;
  }

  private static InvalidJobException invalid(String detail) {
    return new InvalidJobException(Reason.INVALID, detail);
  }
}
