package io.taskqueue.job.control;

import static io.taskqueue.job.entity.AllowedStatusChanges.into;

import io.taskqueue.events.entity.EventType;
import io.taskqueue.events.entity.JobEvent;
import io.taskqueue.events.entity.JobEvents;
import io.taskqueue.job.entity.AttemptOutcome;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.JobAttempt;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.Release;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
   * last. Fenced by the lease id, so only the attempt that held that lease is moved, and only by
   * one caller. A row another transaction holds is skipped ({@link Release.Outcome#LOCKED}), never
   * waited for: a node frozen inside its own write must not stall recovery everywhere.
   */
  public Release releaseExpired(UUID jobId, long leaseId) {
    return release(
        jobId,
        leaseId,
        true,
        true,
        "lease " + leaseId + " expired: its worker stopped renewing it");
  }

  /**
   * Hands a running job back because its node is shutting down: queued again, whatever its
   * attempts, since the job did not fail. Fenced by the lease id like {@link #releaseExpired}. An
   * attempt whose handler never began gives its attempt back: it must not count against the job's
   * budget (the lease id still fences it, and its number is never recorded).
   */
  public Release handBack(UUID jobId, long leaseId, boolean begun) {
    return release(
        jobId,
        leaseId,
        false,
        begun,
        begun
            ? "handed back: its node shut down while it ran"
            : "handed back unstarted: its node shut down before a worker took it");
  }

  private Release release(
      UUID jobId, long leaseId, boolean mayBury, boolean counts, String reason) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT status, lease_id, attempt, max_attempts, scheduled_at FROM jobs"
                    + " WHERE id = ?1 FOR UPDATE SKIP LOCKED")
            .setParameter(1, jobId)
            .getResultList();
    if (rows.isEmpty()) {
      boolean exists =
          !em.createNativeQuery("SELECT 1 FROM jobs WHERE id = ?1")
              .setParameter(1, jobId)
              .getResultList()
              .isEmpty();
      return new Release(exists ? Release.Outcome.LOCKED : Release.Outcome.MISSING, null, null);
    }
    Object[] row = (Object[]) rows.get(0);
    JobStatus status = JobStatus.valueOf((String) row[0]);
    if (status != JobStatus.RUNNING || !Long.valueOf(leaseId).equals(number(row[1]))) {
      // Only a running attempt's lease is released: a dead job keeps its last lease id too.
      return new Release(Release.Outcome.UNCHANGED, status, time(row[4]));
    }
    boolean bury = mayBury && number(row[2]) >= number(row[3]);
    JobStatus target = bury ? JobStatus.DEAD : JobStatus.QUEUED;
    em.createNativeQuery(
            "UPDATE jobs SET status = ?2, last_error = ?3, finished_at = ?4,"
                + " attempt = attempt - ?5 WHERE id = ?1")
        .setParameter(1, jobId)
        .setParameter(2, target.name())
        .setParameter(3, reason)
        .setParameter(4, bury ? now() : null)
        .setParameter(5, counts ? 0 : 1)
        .executeUpdate();
    Job job = em.find(Job.class, jobId);
    em.refresh(job);
    if (counts) {
      em.persist(new JobAttempt(job, now(), AttemptOutcome.LOST, reason));
    }
    JobEvent released = JobEvent.of(EventType.JOB_RETRYING, job, job.getWorkerId());
    if (mayBury) {
      JobEvent failed = released.withError(reason).as(EventType.JOB_FAILED, target);
      events.fire(
          JobEvents.of(
              failed, failed.as(bury ? EventType.JOB_DEAD : EventType.JOB_RETRYING, target)));
    } else {
      events.fire(JobEvents.of(released.withError(reason)));
    }
    return new Release(Release.Outcome.MOVED, target, null);
  }

  /** A native query's timestamptz: the driver's type, whatever the JPA provider passes on. */
  private static OffsetDateTime time(Object value) {
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(ZoneOffset.UTC);
    }
    return (OffsetDateTime) value;
  }

  private static long number(Object value) {
    return value == null ? -1 : ((Number) value).longValue();
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
