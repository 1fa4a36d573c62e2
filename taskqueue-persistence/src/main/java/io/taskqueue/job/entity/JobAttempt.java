package io.taskqueue.job.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** One finished attempt of a job, recorded with the status change that ended it. */
@Entity
@Table(name = "job_attempts")
@IdClass(JobAttempt.Key.class)
public class JobAttempt {

  /** The primary key: job and attempt number. */
  public static class Key implements Serializable {
    private UUID jobId;
    private int attempt;

    public Key() {}

    public Key(UUID jobId, int attempt) {
      this.jobId = jobId;
      this.attempt = attempt;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(jobId, k.jobId) && attempt == k.attempt;
    }

    @Override
    public int hashCode() {
      return Objects.hash(jobId, attempt);
    }
  }

  @Id
  @Column(name = "job_id")
  private UUID jobId;

  @Id private int attempt;

  @Column(name = "lease_id")
  private Long leaseId;

  @Column(name = "worker_id", length = 200)
  private String workerId;

  @Column(name = "started_at")
  private OffsetDateTime startedAt;

  @Column(name = "finished_at", nullable = false)
  private OffsetDateTime finishedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private AttemptOutcome outcome;

  private String error;

  protected JobAttempt() {
    // for JPA
  }

  /** The record of {@code job}'s current attempt, ending now with {@code outcome}. */
  public JobAttempt(Job job, OffsetDateTime finishedAt, AttemptOutcome outcome, String error) {
    this.jobId = job.getId();
    this.attempt = job.getAttempt();
    this.leaseId = job.getLeaseId();
    this.workerId = job.getWorkerId();
    this.startedAt = job.getStartedAt();
    this.finishedAt = finishedAt;
    this.outcome = outcome;
    this.error = error;
  }

  public UUID getJobId() {
    return jobId;
  }

  public int getAttempt() {
    return attempt;
  }

  public String getWorkerId() {
    return workerId;
  }

  public OffsetDateTime getStartedAt() {
    return startedAt;
  }

  public OffsetDateTime getFinishedAt() {
    return finishedAt;
  }

  public AttemptOutcome getOutcome() {
    return outcome;
  }

  public String getError() {
    return error;
  }
}
