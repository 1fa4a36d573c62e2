package io.taskqueue.job.control;

import static io.taskqueue.job.entity.AllowedStatusChanges.into;

import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.StartedAttempt;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

  /**
   * Starts the next attempt of a queued or retrying job; empty when the job may not start (it was
   * cancelled, or another worker already runs or ran it).
   */
  public Optional<StartedAttempt> start(UUID jobId, String workerId) {
    int updated =
        em.createQuery(
                "UPDATE Job j SET j.status = :running, j.attempt = j.attempt + 1,"
                    + " j.startedAt = :now, j.finishedAt = NULL, j.workerId = :worker"
                    + " WHERE j.id = :id AND j.status IN :from")
            .setParameter("running", JobStatus.RUNNING)
            .setParameter("now", now())
            .setParameter("worker", workerId)
            .setParameter("id", jobId)
            .setParameter("from", into(JobStatus.RUNNING))
            .executeUpdate();
    if (updated == 0) {
      return Optional.empty();
    }
    Job job = em.find(Job.class, jobId);
    return Optional.of(
        new StartedAttempt(
            job.getId(),
            job.getType(),
            job.getPayload(),
            job.getPriority(),
            job.getAttempt(),
            job.getMaxAttempts()));
  }

  /** Records success of the attempt; false when the attempt is no longer current. */
  public boolean complete(UUID jobId, int attempt, String resultJson) {
    return finish(jobId, attempt, JobStatus.COMPLETED, resultJson, null, null);
  }

  /** Records a failed attempt whose successor is due at {@code dueAt}. */
  public boolean retryLater(UUID jobId, int attempt, String error, OffsetDateTime dueAt) {
    return finish(jobId, attempt, JobStatus.RETRYING, null, error, dueAt);
  }

  /** Records the failure of the last allowed attempt: the job is dead. */
  public boolean bury(UUID jobId, int attempt, String error) {
    return finish(jobId, attempt, JobStatus.DEAD, null, error, null);
  }

  private boolean finish(
      UUID jobId,
      int attempt,
      JobStatus target,
      String resultJson,
      String error,
      OffsetDateTime dueAt) {
    boolean retrying = target == JobStatus.RETRYING;
    int updated =
        em.createQuery(
                "UPDATE Job j SET j.status = :target, j.result = :result, j.lastError = :error,"
                    + " j.scheduledAt = :due, j.finishedAt = :finished"
                    + " WHERE j.id = :id AND j.attempt = :attempt AND j.status IN :from")
            .setParameter("target", target)
            .setParameter("result", resultJson)
            .setParameter("error", error)
            .setParameter("due", dueAt)
            .setParameter("finished", retrying ? null : now())
            .setParameter("id", jobId)
            .setParameter("attempt", attempt)
            .setParameter("from", into(target))
            .executeUpdate();
    if (updated == 0) {
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

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
