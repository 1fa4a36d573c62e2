package io.taskqueue.worker.control;

import io.taskqueue.JobHandler;
import io.taskqueue.NonRetryableException;
import io.taskqueue.RetryLaterException;
import io.taskqueue.handler.boundary.JobHandlers;
import io.taskqueue.handler.control.AttemptContext;
import io.taskqueue.handler.control.AttemptReports;
import io.taskqueue.job.control.JobLifecycle;
import io.taskqueue.job.control.RetryBackoff;
import io.taskqueue.job.control.StorableText;
import io.taskqueue.job.entity.EventType;
import io.taskqueue.job.entity.FinishedAttempt;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.job.entity.JobEvents;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.LeaseEnd;
import io.taskqueue.job.entity.RetryPolicy;
import io.taskqueue.job.entity.StartedAttempt;
import io.taskqueue.json.boundary.JsonBinding;
import io.taskqueue.json.boundary.JsonText;
import io.taskqueue.lease.boundary.Leases;
import io.taskqueue.progress.boundary.JobTelemetry;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.entity.Claim;
import io.taskqueue.store.control.StoreErrors;
import io.taskqueue.worker.control.RunningAttempts.Running;
import io.taskqueue.workflow.boundary.Workflows;
import io.taskqueue.workflow.entity.ParentsTooLargeException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Runs one claimed job, already started in PostgreSQL by the claimer ({@link ClaimFeed}). In order:
 *
 * <ol>
 *   <li>run the handler of the job's type, within its timeout, stoppable by a cancel;
 *   <li>record the outcome in PostgreSQL (fenced by the attempt number): a success through the
 *       write-behind {@link CompletionWriter}, a failure at once (retrying with backoff, or dead);
 *   <li>only then hand the lease back in Redis, so that a crash at any step leaves the job leased,
 *       to be recovered, never lost. A rejected write (the attempt is no longer current) leaves
 *       Redis alone: whatever holds the job there now is no longer this attempt's.
 * </ol>
 */
@ApplicationScoped
public class JobExecution {

  static final int MAX_ERROR_CHARS = 4_000;
  static final Duration MAX_ASKED_WAIT = Duration.ofDays(7);
  private static final Logger LOG = Logger.getLogger(JobExecution.class.getName());

  @Inject JobLifecycle lifecycle;
  @Inject JobHandlers handlers;
  @Inject DispatchQueue dispatch;
  @Inject RunningAttempts attempts;
  @Inject CompletionWriter completions;
  @Inject Event<JobEvents> events;
  @Inject StoreErrors errors;
  @Inject JobTelemetry telemetry;
  @Inject Workflows workflows;
  @Inject Leases leases;
  @Inject NodeIdentity node;
  @Inject MetricRegistry metrics;

  /** Jobs this node handed back because it has no handler for their type. */
  private Counter foreignTypes;

  @PostConstruct
  void registerMetrics() {
    foreignTypes = metrics.counter("taskqueue.jobs.handed.back.foreign.type");
  }

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

  @Inject
  @ConfigProperty(name = "taskqueue.jobs.max-result-bytes", defaultValue = "1048576")
  int maxResultBytes = 1_048_576;

  /**
   * Runs the claimed job to an outcome. Whatever escapes (a store that failed past its patience, an
   * {@code Error} outside the handler) leaves the claim untracked first: its lease then expires and
   * recovery returns the job, instead of this node renewing a lease nobody works on.
   */
  public ExecutionOutcome run(ClaimedAttempt job, String workerId) {
    try {
      return runTracked(job, workerId);
    } catch (Throwable e) {
      attempts.untrack(job.claim());
      throw e;
    }
  }

  private ExecutionOutcome runTracked(ClaimedAttempt job, String workerId) {
    Claim claim = job.claim();
    StartedAttempt attempt = job.attempt();
    Running running = attempts.of(claim);
    if (!running.leaseHeld(System.nanoTime())) {
      // It waited past its lease (this node froze, or Redis was unreachable for renewals): it may
      // have been recovered and run elsewhere. Recovery returns it if not; its lease is not ours
      // to end.
      LOG.warning(() -> "Not starting job " + claim.jobId() + ": its lease may have expired");
      attempts.untrack(claim);
      return ExecutionOutcome.NOT_RUN;
    }
    if (running.isCancelled()) {
      // Cancelled while it waited for a worker: the cancel already moved the job in PostgreSQL.
      acknowledge(claim);
      return ExecutionOutcome.NOT_RUN;
    }
    if (!running.begin()) {
      // Handed back while it waited (this node is stopping): the hand-back owns it now.
      return ExecutionOutcome.NOT_RUN;
    }
    if (!handlers.runs(attempt.type())) {
      return handBackForAnotherNode(claim, attempt);
    }
    running.attach(attempt.timeoutMs() != null ? attempt.timeoutMs() : defaultTimeoutMillis);
    // Outside a transaction, observers hear it at once: the start itself is committed already.
    events.fire(JobEvents.of(startedEvent(attempt, workerId)));
    String json;
    ReportingAttempt reports = telemetry == null ? null : new ReportingAttempt(telemetry, attempt);
    try {
      JobHandler handler = handlers.forType(attempt.type()).orElseThrow();
      Object result =
          handle(handler, contextOf(attempt, running::stopRequested, reports, workflows));
      json = result == null ? null : storable(result);
    } catch (Throwable e) {
      // Errors too (StackOverflowError, NoClassDefFoundError, a big allocation's
      // OutOfMemoryError): the attempt fails like any failure and this thread serves on.
      endHandler(running);
      flushReports(reports);
      try {
        return fail(claim, running, attempt, e, workerId);
      } finally {
        attempts.untrack(claim);
      }
    }
    endHandler(running);
    flushReports(reports);
    try {
      completions.record(
          claim,
          new FinishedAttempt(
              attempt.jobId(), attempt.attempt(), claim.leaseId(), json, workerId, Instant.now()));
      return ExecutionOutcome.COMPLETED;
    } catch (InterruptedException e) {
      // The node is stopping: the job is handed back with the other held ones.
      Thread.currentThread().interrupt();
      return ExecutionOutcome.NOT_RUN;
    }
  }

  /**
   * The result as JSON text, refused past {@code taskqueue.jobs.max-result-bytes}: its handler
   * would return as much again, so the job ends dead rather than being retried, and a result that
   * grows from its parents' (a {@code join} of joins) stops at the first job over the limit.
   */
  private String storable(Object result) throws NonRetryableException {
    return JsonBinding.toJsonText(result, maxResultBytes)
        .orElseThrow(
            () ->
                new NonRetryableException(
                    "result too large: more than "
                        + maxResultBytes
                        + " bytes as JSON (taskqueue.jobs.max-result-bytes)"));
  }

  /**
   * Runs the handler with its own module's class loader as the context loader: in an EAR, a handler
   * in the team's WAR looks up its resources and classes as it would on a request thread.
   */
  private static Object handle(JobHandler handler, AttemptContext context) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader engine = thread.getContextClassLoader();
    thread.setContextClassLoader(handler.getClass().getClassLoader());
    try {
      return handler.handle(context);
    } finally {
      thread.setContextClassLoader(engine);
    }
  }

  /** {@code job.started}, with the wait since the job became due on a first attempt. */
  static JobEvent startedEvent(StartedAttempt attempt, String workerId) {
    Instant now = Instant.now();
    Long waited =
        attempt.attempt() == 1 && attempt.dueSince() != null
            ? Math.max(0, Duration.between(attempt.dueSince(), now).toMillis())
            : null;
    return new JobEvent(
        EventType.JOB_STARTED.wireName(),
        attempt.jobId(),
        attempt.type(),
        attempt.priority().wireName(),
        JobStatus.RUNNING.wireName(),
        attempt.attempt(),
        workerId,
        now,
        null,
        waited,
        null);
  }

  /** An interrupt meant for the handler (cancel, timeout) must not stop this worker thread. */
  private static void endHandler(Running running) {
    running.detach();
    Thread.interrupted();
  }

  /**
   * A job of a type this node does not run: it has no handler for it (during a rolling upgrade an
   * old node takes jobs of a type only new nodes run), or {@code taskqueue.workers.types} leaves
   * the type to other nodes. It is queued again in PostgreSQL without spending an attempt (no
   * handler code ran), and parked in Redis under its type, where only nodes that run the type take
   * it from: this node never sees it again, and while no node runs the type it waits there at no
   * cost.
   */
  private ExecutionOutcome handBackForAnotherNode(Claim claim, StartedAttempt attempt) {
    try {
      LeaseEnd ended =
          lifecycle.handBack(
              claim.jobId(),
              claim.leaseId(),
              false,
              "handed back: node " + node.nodeId() + " does not run type " + attempt.type());
      if (ended.moved()) {
        leases.park(claim, attempt.type());
        foreignTypes.inc();
      }
      // Otherwise another actor moved it first, or its row is locked: its lease then expires
      // and recovery returns it.
      return ExecutionOutcome.NOT_RUN;
    } finally {
      attempts.untrack(claim);
    }
  }

  private void acknowledge(Claim claim) {
    try {
      dispatch.ack(claim);
    } finally {
      attempts.untrack(claim);
    }
  }

  private ExecutionOutcome fail(
      Claim claim, Running running, StartedAttempt attempt, Throwable cause, String workerId) {
    if (running.isCancelled()) {
      // The cancel already moved the job in PostgreSQL; only the lease is left to end.
      dispatch.ack(claim);
      return ExecutionOutcome.NOT_RUN;
    }
    String error =
        running.isTimedOut()
            ? "timed out after " + running.timeoutMillis() + " ms\n" + describe(cause)
            : describe(cause);
    if (cause instanceof NonRetryableException
        || cause instanceof ParentsTooLargeException
        || attempt.attempt() >= attempt.maxAttempts()) {
      boolean buried =
          Durably.write(
              () ->
                  lifecycle.bury(
                      attempt.jobId(), attempt.attempt(), claim.leaseId(), error, workerId),
              errors);
      if (buried || running.isCancelled()) {
        dispatch.ack(claim);
      }
      return buried ? ExecutionOutcome.DEAD : ExecutionOutcome.NOT_RUN;
    }
    Duration delay =
        cause instanceof RetryLaterException later
            ? asked(later)
            : RetryBackoff.of(attempt.retryPolicy().orElse(defaultPolicy()))
                .delayAfter(attempt.attempt(), ThreadLocalRandom.current());
    OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).plus(delay);
    if (Durably.write(
        () ->
            lifecycle.retryLater(
                attempt.jobId(), attempt.attempt(), claim.leaseId(), error, due, workerId),
        errors)) {
      dispatch.retryLater(claim, delay);
      return ExecutionOutcome.RETRYING;
    }
    if (running.isCancelled()) {
      dispatch.ack(claim);
    }
    return ExecutionOutcome.NOT_RUN;
  }

  /** The wait a handler asked for, within 0 and {@link #MAX_ASKED_WAIT}. */
  static Duration asked(RetryLaterException later) {
    Duration after = later.after() == null ? Duration.ZERO : later.after();
    if (after.isNegative()) {
      return Duration.ZERO;
    }
    return after.compareTo(MAX_ASKED_WAIT) > 0 ? MAX_ASKED_WAIT : after;
  }

  private RetryPolicy defaultPolicy() {
    return new RetryPolicy(retryBaseMillis, retryMultiplier, retryMaxMillis, retryJitter);
  }

  private static AttemptContext contextOf(
      StartedAttempt attempt, BooleanSupplier stop, ReportingAttempt reports, Workflows workflows) {
    return new AttemptContext(
        attempt.jobId(),
        attempt.type(),
        JsonText.readObject(attempt.payload()),
        attempt.attempt(),
        attempt.maxAttempts(),
        stop,
        reports == null ? AttemptReports.NONE : reports,
        workflows == null ? List::of : () -> workflows.parentJobs(attempt.jobId()));
  }

  /**
   * Stores what the attempt reported before its outcome is, so that a finished job's log is
   * complete; a failure to store is counted, never the attempt's failure.
   */
  private void flushReports(ReportingAttempt reports) {
    if (reports == null || !reports.reported()) {
      return;
    }
    try {
      telemetry.flush();
    } catch (Throwable e) {
      errors.record(e);
    }
  }

  /** The error's message and the head of its stack trace, bounded in size, storable as text. */
  static String describe(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    String text = StorableText.of(trace.toString());
    return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "\n\t...";
  }
}
