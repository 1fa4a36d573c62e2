package io.taskqueue.handler.control;

import io.taskqueue.JobContext;
import io.taskqueue.JobInfo;
import io.taskqueue.LogLevel;
import io.taskqueue.NonRetryableException;
import io.taskqueue.json.boundary.JsonBinding;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** One attempt as its handler sees it. */
public record AttemptContext(
    UUID jobId,
    String type,
    JsonObject payload,
    int attempt,
    int maxAttempts,
    BooleanSupplier cancellation,
    AttemptReports reports,
    Supplier<List<JobInfo>> parentJobs)
    implements JobContext {

  /** An attempt whose progress and logs go nowhere. */
  public AttemptContext(
      UUID jobId,
      String type,
      JsonObject payload,
      int attempt,
      int maxAttempts,
      BooleanSupplier cancellation) {
    this(jobId, type, payload, attempt, maxAttempts, cancellation, AttemptReports.NONE, List::of);
  }

  @Override
  public List<JobInfo> parents() {
    return parentJobs.get();
  }

  @Override
  public void progress(int percent, String message) {
    reports.progress(percent, message);
  }

  @Override
  public void log(LogLevel level, String message) {
    reports.log(level, message);
  }

  @Override
  public <T> T payload(Class<T> target) throws NonRetryableException {
    try {
      return JsonBinding.fromJson(payload, target);
    } catch (JsonbException e) {
      throw new NonRetryableException(
          "the payload does not map to " + target.getName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public <T> T payload(Type target) throws NonRetryableException {
    try {
      return JsonBinding.fromJson(payload, target);
    } catch (JsonbException e) {
      throw new NonRetryableException(
          "the payload does not map to " + target.getTypeName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean isCancelled() {
    return cancellation.getAsBoolean();
  }
}
