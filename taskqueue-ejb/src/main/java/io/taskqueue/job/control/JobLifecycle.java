package io.taskqueue.job.control;

import static io.taskqueue.job.entity.AllowedStatusChanges.into;

import io.taskqueue.events.entity.EventType;
import io.taskqueue.events.entity.JobEvent;
import io.taskqueue.events.entity.JobEvents;
import io.taskqueue.job.entity.AttemptOutcome;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.JobAttempt;
import io.taskqueue.job.entity.JobStatus;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The status writes of a job's attempts. Each is one guarded UPDATE whose WHERE clause names the
 * statuses {@link io.taskqueue.job.entity.AllowedStatusChanges} allows as its sources and, after
 * the start, the attempt number: a worker whose attempt is no longer current (its lease expired and
 * the job ran again) changes nothing, and the caller is told so.
 */
@Stateless
public class JobLifecycle {

  private static final Logger LOG = Logger.getLogger(JobLifecycle.class.getName());

  @PersistenceContext(unitName = "taskqueue")
  EntityManager em;

  @Inject Event<JobEvents> events;

  /**
   * Records a failed attempt, run by {@code workerId}, whose successor is due at {@code dueAt};
   * false when the attempt is no longer current.
   */
  public boolean retryLater(
      UUID jobId, int attempt, String error, OffsetDateTime dueAt, String workerId) {
    return finish(jobId, attempt, JobStatus.RETRYING, error, dueAt, workerId);
  }

  /** Records the failure of the last allowed attempt: the job is dead. */
  public boolean bury(UUID jobId, int attempt, String error, String workerId) {
    return finish(jobId, attempt, JobStatus.DEAD, error, null, workerId);
  }

  /**
   * Hands a job whose lease expired back: queued for another attempt, or dead when that was its
   * last. Fenced by the lease id, so only the attempt that held that lease is moved. Returns the
   * job's status afterwards (empty when there is no such job), which tells the caller whether to
   * requeue it in Redis.
   */
  public Optional<JobStatus> releaseExpired(UUID jobId, long leaseId) {
    return release(
        jobId, leaseId, true, "lease " + leaseId + " expired: its worker stopped renewing it");
  }

  /**
   * Hands a running job back because its node is shutting down: queued again, whatever its
   * attempts, since the job did not fail. Fenced by the lease id like {@link #releaseExpired}.
   */
  public Optional<JobStatus> handBack(UUID jobId, long leaseId) {
    return release(jobId, leaseId, false, "handed back: its node shut down while it ran");
  }

  private Optional<JobStatus> release(UUID jobId, long leaseId, boolean mayBury, String reason) {
    int buried = 0;
    if (mayBury) {
      buried =
          em.createQuery(
                  "UPDATE Job j SET j.status = :dead, j.lastError = :error, j.finishedAt = :now"
                      + " WHERE j.id = :id AND j.status = :running AND j.leaseId = :lease"
                      + " AND j.attempt >= j.maxAttempts")
              .setParameter("dead", JobStatus.DEAD)
              .setParameter("error", reason)
              .setParameter("now", now())
              .setParameter("id", jobId)
              .setParameter("running", JobStatus.RUNNING)
              .setParameter("lease", leaseId)
              .executeUpdate();
    }
    int requeued = 0;
    if (buried == 0) {
      requeued =
          em.createQuery(
                  "UPDATE Job j SET j.status = :queued, j.lastError = :error"
                      + " WHERE j.id = :id AND j.status = :running AND j.leaseId = :lease")
              .setParameter("queued", JobStatus.QUEUED)
              .setParameter("error", reason)
              .setParameter("id", jobId)
              .setParameter("running", JobStatus.RUNNING)
              .setParameter("lease", leaseId)
              .executeUpdate();
    }
    Job job = em.find(Job.class, jobId);
    if (buried + requeued == 1) {
      em.persist(new JobAttempt(job, now(), AttemptOutcome.LOST, reason));
      JobEvent released = JobEvent.of(EventType.JOB_RETRYING, job, job.getWorkerId());
      if (mayBury) {
        JobEvent failed = released.withError(reason).as(EventType.JOB_FAILED, job.getStatus());
        events.fire(
            JobEvents.of(
                failed,
                failed.as(
                    buried == 1 ? EventType.JOB_DEAD : EventType.JOB_RETRYING, job.getStatus())));
      } else {
        events.fire(JobEvents.of(released.withError(reason)));
      }
    }
    return Optional.ofNullable(job).map(Job::getStatus);
  }

  /** A failed attempt's write (successes are written in batches by {@link AttemptBatches}). */
  private boolean finish(
      UUID jobId,
      int attempt,
      JobStatus target,
      String error,
      OffsetDateTime dueAt,
      String workerId) {
    boolean retrying = target == JobStatus.RETRYING;
    int updated =
        em.createQuery(
                "UPDATE Job j SET j.status = :target, j.result = NULL, j.lastError = :error,"
                    + " j.scheduledAt = :due, j.finishedAt = :finished, j.workerId = :worker"
                    + " WHERE j.id = :id AND j.attempt = :attempt AND j.status IN :from")
            .setParameter("target", target)
            .setParameter("worker", workerId)
            .setParameter("error", error)
            .setParameter("due", dueAt)
            .setParameter("finished", retrying ? null : now())
            .setParameter("id", jobId)
            .setParameter("attempt", attempt)
            .setParameter("from", into(target))
            .executeUpdate();
    if (updated == 1) {
      Job job = em.find(Job.class, jobId);
      em.persist(new JobAttempt(job, now(), AttemptOutcome.FAILED, error));
      events.fire(JobEvents.of(outcomeEvents(job, target, error)));
    } else {
      LOG.warning(
          () ->
              "Rejected stale write: job "
                  + jobId
                  + " attempt "
                  + attempt
                  + " -> "
                  + target
                  + " (the attempt is no longer current)");
    }
    return updated == 1;
  }

  /** {@code job.failed} followed by {@code job.retrying} or {@code job.dead}. */
  private static JobEvent[] outcomeEvents(Job job, JobStatus target, String error) {
    Long ran =
        job.getStartedAt() == null ? null : Duration.between(job.getStartedAt(), now()).toMillis();
    JobEvent failed =
        JobEvent.of(EventType.JOB_FAILED, job, job.getWorkerId())
            .withDuration(ran)
            .withError(error)
            .as(EventType.JOB_FAILED, target);
    EventType then = target == JobStatus.DEAD ? EventType.JOB_DEAD : EventType.JOB_RETRYING;
    return new JobEvent[] {failed, failed.as(then, target)};
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
