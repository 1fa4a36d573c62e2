package io.taskqueue.worker.control;

import io.taskqueue.handler.boundary.JobContext;
import io.taskqueue.handler.boundary.JobHandler;
import io.taskqueue.handler.boundary.NonRetryableException;
import io.taskqueue.handler.control.JobHandlers;
import io.taskqueue.job.control.JobLifecycle;
import io.taskqueue.job.control.RetryBackoff;
import io.taskqueue.job.entity.RetryPolicy;
import io.taskqueue.job.entity.StartedAttempt;
import io.taskqueue.metrics.control.StoreErrors;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.entity.Claim;
import io.taskqueue.worker.control.RunningAttempts.Running;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs one claimed job. In order:
 *
 * <ol>
 *   <li>start the attempt in PostgreSQL (guarded: a cancelled or already-run job is dropped);
 *   <li>run the handler of the job's type, within its timeout, stoppable by a cancel;
 *   <li>record the outcome in PostgreSQL (fenced by the attempt number): completed, retrying with
 *       backoff, or dead;
 *   <li>only then release the lease in Redis, so that a crash at any step leaves the job leased, to
 *       be recovered, never lost. A rejected write (the attempt is no longer current) leaves Redis
 *       alone: whatever holds the job there now is no longer this attempt's.
 * </ol>
 */
@ApplicationScoped
public class JobExecution {

  private static final Logger LOG = Logger.getLogger(JobExecution.class.getName());
  static final int MAX_ERROR_CHARS = 4_000;
  static final Duration OUTCOME_PATIENCE = Duration.ofMinutes(5);
  private static final Duration OUTCOME_RETRY_PAUSE = Duration.ofSeconds(1);

  @Inject JobLifecycle lifecycle;
  @Inject JobHandlers handlers;
  @Inject DispatchQueue dispatch;
  @Inject RunningAttempts attempts;
  @Inject StoreErrors errors;

  @Inject
  @ConfigProperty(name = "taskqueue.retry.base-ms", defaultValue = "5000")
  long retryBaseMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.retry.multiplier", defaultValue = "2")
  double retryMultiplier;

  @Inject
  @ConfigProperty(name = "taskqueue.retry.max-ms", defaultValue = "3600000")
  long retryMaxMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.retry.jitter", defaultValue = "0.2")
  double retryJitter;

  @Inject
  @ConfigProperty(name = "taskqueue.job.timeout-ms", defaultValue = "3600000")
  long defaultTimeoutMillis;

  /** Runs the claimed job to an outcome; throws only when PostgreSQL refused to start it. */
  public ExecutionOutcome run(Claim claim, String workerId) {
    Running running = attempts.track(claim);
    try {
      return runLeased(claim, running, workerId);
    } finally {
      attempts.untrack(claim);
      // An interrupt meant for the handler (cancel, timeout) must not stop this worker thread.
      Thread.interrupted();
    }
  }

  private ExecutionOutcome runLeased(Claim claim, Running running, String workerId) {
    Optional<StartedAttempt> started;
    try {
      started = lifecycle.start(claim.jobId(), workerId, claim.leaseId());
    } catch (RuntimeException e) {
      // PostgreSQL is away: hand the job straight back rather than after its lease expires.
      dispatch.requeue(claim);
      throw e;
    }
    if (started.isEmpty()) {
      LOG.fine(() -> "Dropping " + claim.jobId() + ": not startable (cancelled or already run)");
      dispatch.ack(claim);
      return ExecutionOutcome.NOT_RUN;
    }
    StartedAttempt attempt = started.get();
    running.startClock(attempt.timeoutMs() != null ? attempt.timeoutMs() : defaultTimeoutMillis);
    try {
      JobHandler handler =
          handlers
              .forType(attempt.type())
              .orElseThrow(
                  () -> new NonRetryableException("no handler for type " + attempt.type()));
      JsonValue result = handler.handle(contextOf(attempt, running::stopRequested));
      String json = result == null ? null : result.toString();
      return recordThenRelease(
          claim,
          running,
          () -> lifecycle.complete(attempt.jobId(), attempt.attempt(), json),
          ExecutionOutcome.COMPLETED);
    } catch (Exception e) {
      Thread.interrupted();
      return fail(claim, running, attempt, e);
    }
  }

  private ExecutionOutcome fail(
      Claim claim, Running running, StartedAttempt attempt, Exception cause) {
    if (running.isCancelled()) {
      // The cancel already moved the job in PostgreSQL; only the lease is left to end.
      dispatch.ack(claim);
      return ExecutionOutcome.NOT_RUN;
    }
    String error =
        running.isTimedOut()
            ? "timed out after " + running.timeoutMillis() + " ms\n" + describe(cause)
            : describe(cause);
    if (cause instanceof NonRetryableException || attempt.attempt() >= attempt.maxAttempts()) {
      return recordThenRelease(
          claim,
          running,
          () -> lifecycle.bury(attempt.jobId(), attempt.attempt(), error),
          ExecutionOutcome.DEAD);
    }
    Duration delay =
        RetryBackoff.of(attempt.retryPolicy().orElse(defaultPolicy()))
            .delayAfter(attempt.attempt(), ThreadLocalRandom.current());
    OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).plus(delay);
    if (durably(() -> lifecycle.retryLater(attempt.jobId(), attempt.attempt(), error, due))) {
      dispatch.retryLater(claim, delay);
      return ExecutionOutcome.RETRYING;
    }
    if (running.isCancelled()) {
      dispatch.ack(claim);
    }
    return ExecutionOutcome.NOT_RUN;
  }

  /**
   * Writes an outcome; releases the lease if it was accepted, or if a cancel superseded it. Returns
   * {@code recorded} when the write was accepted.
   */
  private ExecutionOutcome recordThenRelease(
      Claim claim, Running running, BooleanSupplier write, ExecutionOutcome recorded) {
    boolean accepted = durably(write);
    if (accepted || running.isCancelled()) {
      dispatch.ack(claim);
    }
    return accepted ? recorded : ExecutionOutcome.NOT_RUN;
  }

  private RetryPolicy defaultPolicy() {
    return new RetryPolicy(retryBaseMillis, retryMultiplier, retryMaxMillis, retryJitter);
  }

  /**
   * Records an outcome, retrying while PostgreSQL is unreachable (a restart, a failover) for up to
   * {@link #OUTCOME_PATIENCE}. The lease stays renewed meanwhile, so the job is neither lost nor
   * run again; after that the lease is left to expire and the job is recovered.
   */
  private boolean durably(BooleanSupplier write) {
    long deadline = System.nanoTime() + OUTCOME_PATIENCE.toNanos();
    while (true) {
      try {
        return write.getAsBoolean();
      } catch (RuntimeException e) {
        errors.record(e);
        if (System.nanoTime() > deadline) {
          throw e;
        }
        LOG.warning(() -> "Could not record an outcome, retrying: " + e);
        try {
          Thread.sleep(OUTCOME_RETRY_PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static JobContext contextOf(StartedAttempt attempt, BooleanSupplier stop) {
    JsonObject payload = Json.createReader(new StringReader(attempt.payload())).readObject();
    return new JobContext(
        attempt.jobId(), attempt.type(), payload, attempt.attempt(), attempt.maxAttempts(), stop);
  }

  /** The error's message and the head of its stack trace, bounded in size. */
  static String describe(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    String text = trace.toString();
    return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "\n\t...";
  }
}
