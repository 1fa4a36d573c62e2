package io.taskqueue.job.boundary;

import io.taskqueue.configuration.control.TaskqueueDatabase;
import io.taskqueue.job.control.CancelledDependents;
import io.taskqueue.job.control.JobCancelled;
import io.taskqueue.job.control.StatusSql;
import io.taskqueue.job.entity.AttemptOutcome;
import io.taskqueue.job.entity.CancelOutcome;
import io.taskqueue.job.entity.DeadFilter;
import io.taskqueue.job.entity.EventType;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.JobAttempt;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.job.entity.JobEvents;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.JobSummary;
import io.taskqueue.job.entity.JobsSubmitted;
import io.taskqueue.job.entity.ParentsEnded;
import io.taskqueue.job.entity.QueuedJob;
import io.taskqueue.job.entity.Retried;
import io.taskqueue.job.entity.StatusVerb;
import io.taskqueue.schema.control.Tables;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What operators do to jobs: cancel one, run a dead or cancelled one again, and list, retry or
 * delete dead jobs by filter. Redis hears of each change only after it commits.
 */
@Stateless
public class JobOperations {

  /** The most jobs one bulk retry moves; call again for more. */
  public static final int MAX_BULK = 10_000;

  @Inject @TaskqueueDatabase DataSource dataSource;

  @PersistenceContext(unitName = "taskqueue")
  EntityManager em;

  @Inject Event<JobsSubmitted> requeued;
  @Inject Event<JobCancelled> cancelledWhileRunning;
  @Inject Event<JobEvents> events;
  @Inject Event<ParentsEnded> parentsEnded;

  /**
   * Cancels a job: a waiting one never runs; a running one is told to stop, wherever it runs, and
   * its outcome can no longer be recorded.
   */
  public CancelOutcome cancel(UUID id) {
    Job job = em.find(Job.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (job == null) {
      return CancelOutcome.NOT_FOUND;
    }
    if (!StatusVerb.CANCEL.appliesTo(job.getStatus())) {
      return CancelOutcome.ALREADY_FINISHED;
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    boolean wasRunning = job.getStatus() == JobStatus.RUNNING;
    if (wasRunning) {
      em.persist(new JobAttempt(job, now, AttemptOutcome.CANCELLED, "cancelled by a user"));
    }
    em.createNativeQuery(StatusSql.CANCEL_ONE)
        .setParameter(1, now)
        .setParameter(2, id)
        .setParameter(3, job.getStatus().name())
        .executeUpdate();
    if (wasRunning && job.getLeaseId() != null) {
      cancelledWhileRunning.fire(new JobCancelled(id, job.getLeaseId()));
    }
    if (job.hasChildren()) {
      parentsEnded.fire(new ParentsEnded());
    }
    events.fire(
        JobEvents.of(
            JobEvent.of(EventType.JOB_CANCELLED, job, job.getWorkerId())
                .as(EventType.JOB_CANCELLED, JobStatus.CANCELLED)));
    return CancelOutcome.CANCELLED;
  }

  /**
   * Cancels each of {@code ids} in this one transaction; returns how many it cancelled. Callers
   * cancelling many jobs call it chunk by chunk, so that no transaction holds thousands of row
   * locks; a chunk is safe to repeat (a cancelled job is not cancelled again).
   */
  public int cancelEach(List<UUID> ids) {
    int cancelled = 0;
    for (UUID id : ids) {
      if (cancel(id) == CancelOutcome.CANCELLED) {
        cancelled++;
      }
    }
    return cancelled;
  }

  /**
   * Queues a dead or cancelled job again with its full budget of attempts ({@code attempt} keeps
   * counting: it is the fencing token). Empty when there is no such job; false when it is neither
   * dead nor cancelled, or while any of its parents is unfinished (queued now, it would run before
   * that parent: one that never ended, or one an operator is running again).
   */
  public Optional<Boolean> retry(UUID id) {
    return retry(id, false).map(Retried::queued);
  }

  /**
   * {@link #retry(UUID)}, and with {@code withDependents} the jobs its failure cancelled down the
   * line wait for it again (see {@link CancelledDependents}), in the same transaction. Empty when
   * there is no such job.
   */
  public Optional<Retried> retry(UUID id, boolean withDependents) {
    Job job = em.find(Job.class, id);
    if (job == null) {
      return Optional.empty();
    }
    if (waitsForParents(id) || requeue(List.of(id)) != 1) {
      return Optional.of(Retried.REFUSED);
    }
    if (!withDependents) {
      return Optional.of(new Retried(true, List.of()));
    }
    try (Connection c = dataSource.getConnection()) {
      return Optional.of(new Retried(true, CancelledDependents.rewait(c, id)));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not put the dependents of " + id + " back", e);
    }
  }

  /** By the parents' status, not the recorded outcome: a retried parent has an outcome already. */
  private boolean waitsForParents(UUID id) {
    return !em.createNativeQuery(
            "SELECT 1 FROM "
                + Tables.JOB_DEPENDENCIES
                + " d JOIN "
                + Tables.JOBS
                + " p ON p.id = d.parent_id"
                + " WHERE d.job_id = ?1 AND p.final_status IS NULL LIMIT 1")
        .setParameter(1, id)
        .getResultList()
        .isEmpty();
  }

  public List<JobSummary> listDead(DeadFilter filter) {
    TypedQuery<JobSummary> query =
        em.createQuery(
            JobSummary.SELECT
                + " FROM Job j WHERE j.finalStatus = :dead"
                + where(filter)
                + " ORDER BY j.id DESC",
            JobSummary.class);
    bind(query, filter);
    if (filter.before() != null) {
      query.setParameter("before", filter.before());
    }
    return query.setMaxResults(filter.limit()).getResultList();
  }

  /** Queues again up to {@link #MAX_BULK} dead jobs that match; returns how many. */
  public int retryDead(DeadFilter filter) {
    TypedQuery<UUID> query =
        em.createQuery(
            "SELECT j.id FROM Job j WHERE j.finalStatus = :dead" + where(filter), UUID.class);
    bind(query, filter);
    List<UUID> ids = query.setMaxResults(MAX_BULK).getResultList();
    return ids.isEmpty() ? 0 : requeue(ids);
  }

  /** Deletes the dead jobs that match, with their attempt history; returns how many. */
  public int deleteDead(DeadFilter filter) {
    var query = em.createQuery("DELETE FROM Job j WHERE j.finalStatus = :dead" + where(filter));
    bind(query, filter);
    return query.executeUpdate();
  }

  private int requeue(List<UUID> ids) {
    int moved =
        em.createQuery(
                "UPDATE Job j SET j.status = :queued, j.maxAttempts = j.attempt + j.attemptBudget,"
                    + " j.finishedAt = NULL, j.scheduledAt = NULL"
                    + " WHERE j.id IN :ids AND j.status IN :from")
            .setParameter("queued", StatusVerb.OPERATOR_RETRY.target())
            .setParameter("ids", ids)
            .setParameter("from", StatusVerb.OPERATOR_RETRY.sources())
            .executeUpdate();
    if (moved > 0) {
      List<Job> queued =
          em.createQuery("SELECT j FROM Job j WHERE j.id IN :ids AND j.status = :queued", Job.class)
              .setParameter("ids", ids)
              .setParameter("queued", JobStatus.QUEUED)
              .getResultList();
      // Bulk updates bypass the persistence context: earlier loaded rows may show the old status.
      List<JobEvent> retrying =
          queued.stream()
              .map(
                  job ->
                      JobEvent.of(EventType.JOB_RETRYING, job, null)
                          .as(EventType.JOB_RETRYING, JobStatus.QUEUED))
              .toList();
      events.fire(new JobEvents(retrying, true));
      requeued.fire(
          JobsSubmitted.runAgain(
              queued.stream().map(j -> new QueuedJob(j.getId(), j.getPriority())).toList(),
              retrying));
    }
    return moved;
  }

  private static String where(DeadFilter f) {
    StringBuilder where = new StringBuilder();
    if (f.type() != null) {
      where.append(" AND j.type = :type");
    }
    if (f.errorContains() != null) {
      where.append(" AND LOWER(j.lastError) LIKE :error");
    }
    if (f.diedAfter() != null) {
      where.append(" AND j.finishedAt >= :after");
    }
    if (f.diedBefore() != null) {
      where.append(" AND j.finishedAt < :until");
    }
    if (f.before() != null) {
      where.append(" AND j.id < :before");
    }
    return where.toString();
  }

  private static void bind(jakarta.persistence.Query query, DeadFilter f) {
    query.setParameter("dead", JobStatus.DEAD);
    if (f.type() != null) {
      query.setParameter("type", f.type());
    }
    if (f.errorContains() != null) {
      String escaped =
          f.errorContains()
              .toLowerCase()
              .replace("\\", "\\\\")
              .replace("%", "\\%")
              .replace("_", "\\_");
      query.setParameter("error", "%" + escaped + "%");
    }
    if (f.diedAfter() != null) {
      query.setParameter("after", f.diedAfter());
    }
    if (f.diedBefore() != null) {
      query.setParameter("until", f.diedBefore());
    }
  }
}
