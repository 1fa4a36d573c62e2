package io.taskqueue.job.control;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.SubmitJobRequest;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks submissions before anything is stored: known type, priority, attempts, payload size and
 * batch size. A batch is refused whole when any job in it is invalid.
 */
public final class SubmissionRules {

  public static final int DEFAULT_MAX_ATTEMPTS = 4;
  public static final int MAX_ATTEMPTS_LIMIT = 100;

  private final Set<String> knownTypes;
  private final int maxPayloadBytes;
  private final int maxBatch;

  public SubmissionRules(Set<String> knownTypes, int maxPayloadBytes, int maxBatch) {
    this.knownTypes = knownTypes;
    this.maxPayloadBytes = maxPayloadBytes;
    this.maxBatch = maxBatch;
  }

  public NewJob check(SubmitJobRequest request) {
    return check(request, "");
  }

  public List<NewJob> checkBatch(List<SubmitJobRequest> requests) {
    if (requests == null || requests.isEmpty()) {
      throw ProblemException.badRequest(
          "empty-batch", "Empty batch", "A batch holds 1 to " + maxBatch + " jobs.");
    }
    if (requests.size() > maxBatch) {
      throw new ProblemException(
          Status.REQUEST_ENTITY_TOO_LARGE,
          "batch-too-large",
          "Batch too large",
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
    if (request.type() == null || !knownTypes.contains(request.type())) {
      throw ProblemException.badRequest(
          "unknown-job-type",
          "Unknown job type",
          where
              + (request.type() == null
                  ? "type is required"
                  : "type '" + request.type() + "' has no handler")
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
      throw new ProblemException(
          Status.REQUEST_ENTITY_TOO_LARGE,
          "payload-too-large",
          "Payload too large",
          where + "payload is " + bytes + " bytes; the limit is " + maxPayloadBytes + ".");
    }
    return new NewJob(request.type(), payload, priority, maxAttempts);
  }

  private static ProblemException invalid(String detail) {
    return ProblemException.badRequest("invalid-job", "Invalid job", detail);
  }
}
