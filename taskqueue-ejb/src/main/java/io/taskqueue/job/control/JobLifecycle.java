package io.taskqueue.job.control;

import io.taskqueue.job.entity.AttemptOutcome;
import io.taskqueue.job.entity.EventType;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.JobAttempt;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.job.entity.JobEvents;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.LeaseEnd;
import io.taskqueue.job.entity.StatusVerb;
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
 * The status writes of a job's attempts after their start: failures, and ends of a lease whose
 * attempt ended without an outcome. Each runs the {@link StatusSql} statement of its {@link
 * StatusVerb}: a failure fenced by its attempt and lease, a lease's end by its lease under a row
 * lock. A worker whose attempt is no longer current changes nothing, and the caller is told so.
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
      UUID jobId, int attempt, long leaseId, String error, OffsetDateTime dueAt, String workerId) {
    return fail(StatusVerb.RETRY_LATER, jobId, attempt, leaseId, error, dueAt, workerId);
  }

  /** Records the failure of the last allowed attempt: the job is dead. */
  public boolean bury(UUID jobId, int attempt, long leaseId, String error, String workerId) {
    return fail(StatusVerb.BURY, jobId, attempt, leaseId, error, null, workerId);
  }

  /**
   * Hands a job whose lease expired back: queued for another attempt, or dead when that was its
   * last. Fenced by the lease id, so only the attempt that held that lease is moved, and only by
   * one caller. A row another transaction holds is skipped ({@link LeaseEnd.Outcome#LOCKED}), never
   * waited for: a node frozen inside its own write must not stall recovery everywhere.
   */
  public LeaseEnd recoverExpired(UUID jobId, long leaseId) {
    return endLease(
        jobId,
        leaseId,
        true,
        true,
        "lease " + leaseId + " expired: its worker stopped renewing it");
  }

  /**
   * Hands a running job back because its node is shutting down: queued again, whatever its
   * attempts, since the job did not fail. Fenced by the lease id like {@link #recoverExpired}. An
   * attempt whose handler never began gives its attempt back: it must not count against the job's
   * budget (the lease id still fences it, and its number is never recorded).
   */
  public LeaseEnd handBack(UUID jobId, long leaseId, boolean begun) {
    return handBack(
        jobId,
        leaseId,
        begun,
        begun
            ? "handed back: its node shut down while it ran"
            : "handed back unstarted: its node shut down before a worker took it");
  }

  /** Hands a running job back, as {@link #handBack(UUID, long, boolean)}, recording {@code why}. */
  public LeaseEnd handBack(UUID jobId, long leaseId, boolean begun, String why) {
    return endLease(jobId, leaseId, false, begun, why);
  }

  private LeaseEnd endLease(
      UUID jobId, long leaseId, boolean mayBury, boolean counts, String reason) {
    List<?> rows =
        em.createNativeQuery(StatusSql.LOCK_FOR_LEASE_END).setParameter(1, jobId).getResultList();
    if (rows.isEmpty()) {
      boolean exists =
          !em.createNativeQuery(StatusSql.EXISTS).setParameter(1, jobId).getResultList().isEmpty();
      return new LeaseEnd(exists ? LeaseEnd.Outcome.LOCKED : LeaseEnd.Outcome.MISSING, null, null);
    }
    Object[] row = (Object[]) rows.get(0);
    JobStatus status = JobStatus.valueOf((String) row[0]);
    boolean last = mayBury && number(row[2]) >= number(row[3]);
    StatusVerb verb =
        last ? StatusVerb.RECOVER_LAST : mayBury ? StatusVerb.RECOVER : StatusVerb.HAND_BACK;
    if (!verb.appliesTo(status) || number(row[1]) != leaseId) {
      // Another actor moved it first (a dead job keeps its last lease id too).
      return new LeaseEnd(LeaseEnd.Outcome.UNCHANGED, status, time(row[4]));
    }
    em.createNativeQuery(StatusSql.endLease(verb))
        .setParameter(1, reason)
        .setParameter(2, last ? now() : null)
        .setParameter(3, counts ? 0 : 1)
        .setParameter(4, jobId)
        .setParameter(5, leaseId)
        .executeUpdate();
    Job job = em.find(Job.class, jobId);
    em.refresh(job);
    if (counts) {
      em.persist(new JobAttempt(job, now(), AttemptOutcome.LOST, reason));
    }
    JobStatus target = verb.target();
    JobEvent returned = JobEvent.of(EventType.JOB_RETRYING, job, job.getWorkerId());
    if (mayBury) {
      JobEvent failed = returned.withError(reason).as(EventType.JOB_FAILED, target);
      events.fire(
          JobEvents.of(
              failed, failed.as(last ? EventType.JOB_DEAD : EventType.JOB_RETRYING, target)));
    } else {
      events.fire(JobEvents.of(returned.withError(reason)));
    }
    return new LeaseEnd(LeaseEnd.Outcome.MOVED, target, null);
  }

  private static long number(Object value) {
    return value == null ? -1 : ((Number) value).longValue();
  }

  /** A native query's timestamptz: the driver's type, whatever the JPA provider passes on. */
  private static OffsetDateTime time(Object value) {
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(ZoneOffset.UTC);
    }
    return (OffsetDateTime) value;
  }

  /** A failed attempt's write (successes are written in batches by {@link AttemptBatches}). */
  private boolean fail(
      StatusVerb verb,
      UUID jobId,
      int attempt,
      long leaseId,
      String error,
      OffsetDateTime dueAt,
      String workerId) {
    int updated =
        em.createNativeQuery(StatusSql.fail(verb))
            .setParameter(1, error)
            .setParameter(2, dueAt)
            .setParameter(3, verb == StatusVerb.BURY ? now() : null)
            .setParameter(4, workerId)
            .setParameter(5, jobId)
            .setParameter(6, attempt)
            .setParameter(7, leaseId)
            .executeUpdate();
    if (updated == 1) {
      Job job = em.find(Job.class, jobId);
      em.persist(new JobAttempt(job, now(), AttemptOutcome.FAILED, error));
      events.fire(JobEvents.of(outcomeEvents(job, verb.target(), error)));
    } else {
      LOG.warning(
          () ->
              "Rejected stale write: job "
                  + jobId
                  + " attempt "
                  + attempt
                  + " lease "
                  + leaseId
                  + " -> "
                  + verb.target()
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
