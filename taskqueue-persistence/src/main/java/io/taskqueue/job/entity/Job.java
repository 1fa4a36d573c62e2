package io.taskqueue.job.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One unit of background work. PostgreSQL's row is the truth about a job; Redis only holds its id
 * on the way to a worker. {@code attempt} is the fencing token: each claim increments it, and every
 * later write of that attempt is guarded by it, so a stale worker can never overwrite a newer one.
 *
 * <p>Ids are UUIDv7, so ordering by id is ordering by creation time (newest first = id desc).
 * Timestamps are {@link OffsetDateTime}: EclipseLink 4 would store {@code Instant} as bytes. {@code
 * payload} and {@code result} are JSON text in {@code jsonb} columns.
 */
@Entity
@Table(name = "jobs")
public class Job {

  @Id private UUID id;

  @Column(nullable = false, length = 100)
  private String type;

  @Column(nullable = false, columnDefinition = "jsonb")
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 6)
  private Priority priority;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private JobStatus status;

  /**
   * The status once finished, else null: a column PostgreSQL generates from {@code status} (V9),
   * indexed instead of it so that status changes between unfinished states rewrite no index.
   */
  @Enumerated(EnumType.STRING)
  @Column(name = "final_status", length = 10, insertable = false, updatable = false)
  private JobStatus finalStatus;

  @Column(nullable = false)
  private int attempt;

  @Column(name = "max_attempts", nullable = false)
  private int maxAttempts;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "scheduled_at")
  private OffsetDateTime scheduledAt;

  @Column(name = "started_at")
  private OffsetDateTime startedAt;

  @Column(name = "finished_at")
  private OffsetDateTime finishedAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(columnDefinition = "jsonb")
  private String result;

  @Column(name = "worker_id", length = 200)
  private String workerId;

  @Column(name = "lease_id")
  private Long leaseId;

  @Column(name = "attempt_budget", nullable = false)
  private int attemptBudget;

  @Column(name = "backoff_initial_ms")
  private Long backoffInitialMs;

  @Column(name = "backoff_multiplier")
  private Double backoffMultiplier;

  @Column(name = "backoff_max_ms")
  private Long backoffMaxMs;

  @Column(name = "backoff_jitter")
  private Double backoffJitter;

  @Column(name = "timeout_ms")
  private Long timeoutMs;

  @Column(name = "submitted_by", length = 200)
  private String submittedBy;

  /** The recurring schedule that submitted this job, if one did. */
  @Column(name = "schedule_name", length = 100)
  private String scheduleName;

  /** The schedule's fire time this job is for; null for a schedule's "run now". */
  @Column(name = "fire_time")
  private OffsetDateTime fireTime;

  /** The workflow submission the job came in, if any, and its key (name) in that submission. */
  // Text, not UUID: EclipseLink's UUID conversion fails on a null value outside the id.
  @Column(name = "workflow_id", insertable = false, updatable = false)
  private String workflowId;

  @Column(name = "workflow_key", length = 100)
  private String workflowKey;

  /** Parents still to complete; counted down by the database as they end. */
  @Column(name = "waiting_for", updatable = false)
  private int waitingFor;

  /** CANCEL or RUN_ANYWAY: what the job does when a parent ends dead or cancelled. */
  @Column(name = "on_parent_failure", length = 10, updatable = false)
  private String onParentFailure = "CANCEL";

  @Column(name = "has_children", updatable = false)
  private boolean hasChildren;

  // Progress and log counts are written by the engine's own statements, never through the entity.
  @Column(name = "progress_percent", insertable = false, updatable = false)
  private Integer progressPercent;

  @Column(name = "progress_message", insertable = false, updatable = false)
  private String progressMessage;

  @Column(name = "progress_at", insertable = false, updatable = false)
  private OffsetDateTime progressAt;

  @Column(name = "log_lines", insertable = false, updatable = false)
  private int logLines;

  @Column(name = "logs_dropped", insertable = false, updatable = false)
  private int logsDropped;

  protected Job() {
    // for JPA
  }

  /**
   * A new job with no attempt made yet: scheduled when {@code runAt} is after {@code createdAt},
   * queued otherwise. Null policy parts and timeout take the configured defaults.
   */
  public Job(
      UUID id,
      String type,
      String payload,
      Priority priority,
      int maxAttempts,
      OffsetDateTime createdAt,
      OffsetDateTime runAt,
      RetryPolicy retryPolicy,
      Long timeoutMs) {
    this.id = id;
    this.type = type;
    this.payload = payload;
    this.priority = priority;
    this.maxAttempts = maxAttempts;
    this.attemptBudget = maxAttempts;
    this.createdAt = createdAt;
    boolean later = runAt != null && runAt.isAfter(createdAt);
    this.status = later ? JobStatus.SCHEDULED : JobStatus.QUEUED;
    this.scheduledAt = later ? runAt : null;
    this.backoffInitialMs = retryPolicy.initialMs();
    this.backoffMultiplier = retryPolicy.multiplier();
    this.backoffMaxMs = retryPolicy.maxMs();
    this.backoffJitter = retryPolicy.jitter();
    this.timeoutMs = timeoutMs;
  }

  /** Links the job to the schedule (and fire time, null when run by hand) that submitted it. */
  public void setSchedule(String scheduleName, OffsetDateTime fireTime) {
    this.scheduleName = scheduleName;
    this.fireTime = fireTime;
  }

  /** The latest progress the running (or last) attempt reported, 0 to 100; null when none. */
  public Integer getProgressPercent() {
    return progressPercent;
  }

  public String getProgressMessage() {
    return progressMessage;
  }

  public OffsetDateTime getProgressAt() {
    return progressAt;
  }

  /** Log lines stored for the job, over all its attempts. */
  public int getLogLines() {
    return logLines;
  }

  /** Log lines the handler wrote beyond the job's limit, counted and not stored. */
  public int getLogsDropped() {
    return logsDropped;
  }

  /**
   * Makes the job part of a workflow: waiting for {@code parents} parents when there are any (then
   * it is not due at any time of its own), with the given policy for a parent that fails.
   */
  public void inWorkflow(
      UUID workflowId, String key, int parents, boolean runAnyway, boolean hasChildren) {
    this.workflowId = workflowId.toString();
    this.workflowKey = key;
    this.waitingFor = parents;
    this.onParentFailure = runAnyway ? "RUN_ANYWAY" : "CANCEL";
    this.hasChildren = hasChildren;
    if (parents > 0) {
      this.status = JobStatus.WAITING;
      this.scheduledAt = null;
    }
  }

  public UUID getWorkflowId() {
    return workflowId == null ? null : UUID.fromString(workflowId);
  }

  public String getWorkflowKey() {
    return workflowKey;
  }

  public int getWaitingFor() {
    return waitingFor;
  }

  public String getOnParentFailure() {
    return onParentFailure;
  }

  public boolean hasChildren() {
    return hasChildren;
  }

  public String getScheduleName() {
    return scheduleName;
  }

  public OffsetDateTime getFireTime() {
    return fireTime;
  }

  /** Records who submitted the job: a caller with only the submitter role reads its own jobs. */
  public void setSubmittedBy(String submittedBy) {
    this.submittedBy = submittedBy;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public UUID getId() {
    return id;
  }

  public String getType() {
    return type;
  }

  public String getPayload() {
    return payload;
  }

  public Priority getPriority() {
    return priority;
  }

  public JobStatus getStatus() {
    return status;
  }

  public int getAttempt() {
    return attempt;
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getScheduledAt() {
    return scheduledAt;
  }

  public OffsetDateTime getStartedAt() {
    return startedAt;
  }

  public OffsetDateTime getFinishedAt() {
    return finishedAt;
  }

  public String getLastError() {
    return lastError;
  }

  public String getResult() {
    return result;
  }

  public String getWorkerId() {
    return workerId;
  }

  /** The attempts a run of this job may make; an operator's retry grants them again. */
  public int getAttemptBudget() {
    return attemptBudget;
  }

  public RetryPolicy getRetryPolicy() {
    return new RetryPolicy(backoffInitialMs, backoffMultiplier, backoffMaxMs, backoffJitter);
  }

  /** The attempt timeout in ms, or null for the configured default. */
  public Long getTimeoutMs() {
    return timeoutMs;
  }

  /** The Redis lease of the running attempt; fences lease recovery. */
  public Long getLeaseId() {
    return leaseId;
  }
}
