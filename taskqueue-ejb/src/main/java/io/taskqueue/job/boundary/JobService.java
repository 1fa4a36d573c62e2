package io.taskqueue.job.boundary;

import io.taskqueue.job.control.IdempotencyKey;
import io.taskqueue.job.control.JobIds;
import io.taskqueue.job.control.JobInserts;
import io.taskqueue.job.control.NewJobs;
import io.taskqueue.job.entity.EventType;
import io.taskqueue.job.entity.IdempotencyKeyReused;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.JobAttempt;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.job.entity.JobEvents;
import io.taskqueue.job.entity.JobFilter;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.JobSummary;
import io.taskqueue.job.entity.JobsSubmitted;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.QueuedJob;
import io.taskqueue.job.entity.Submitted;
import io.taskqueue.schema.control.Tables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Submitting and reading jobs. A submission stores every row in one transaction and hands the ids
 * to Redis only after it commits ({@link io.taskqueue.queue.control.EnqueueAfterCommit}).
 *
 * <p>Its transactions are REQUIRED: a caller's JTA transaction (a Java submitter's) carries the
 * rows, and they commit or roll back with it.
 *
 * <p>A CDI bean with JTA transactions rather than an EJB: it serves every request, and the EJB
 * container's per-call work (security context, interceptor chain, and an exception thrown and
 * caught inside Weld's EJB proxy on every call) showed up in profiles of single submits.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = IdempotencyKeyReused.class)
public class JobService {

  static final int MAX_ATTEMPTS_LISTED = 1_000;

  @PersistenceContext(unitName = "taskqueue")
  EntityManager em;

  @Inject JobInserts inserts;
  @Inject Event<JobsSubmitted> submitted;
  @Inject Event<JobEvents> events;

  /** Stores the jobs, all or none, and returns them in submission order. */
  public Submitted submit(List<NewJob> newJobs) {
    List<Job> jobs = new ArrayList<>(newJobs.size());
    for (NewJob n : newJobs) {
      jobs.add(NewJobs.toJob(JobIds.next(), n));
    }
    inserts.insert(jobs);
    return new Submitted(jobs, true, announce(jobs));
  }

  /**
   * Stores one job, unless its caller used {@code idempotencyKey} within {@code window}: then the
   * job of that earlier submission is returned and nothing is stored. Keys are the caller's own
   * (another caller's equal key is another key); reusing one for a different request throws {@link
   * IdempotencyKeyReused}. The key's primary key makes a concurrent duplicate wait for the first
   * submission and then see its job.
   */
  public Submitted submit(NewJob newJob, String idempotencyKey, Duration window) {
    UUID id = JobIds.next();
    if (idempotencyKey != null) {
      Optional<Job> earlier = claimKey(IdempotencyKey.of(newJob, idempotencyKey), id, window);
      if (earlier.isPresent()) {
        return new Submitted(List.of(earlier.get()), false, new AtomicBoolean(true));
      }
    }
    Job job = NewJobs.toJob(id, newJob);
    inserts.insert(List.of(job));
    return new Submitted(List.of(job), true, announce(List.of(job)));
  }

  /** Hands stored jobs to the after-commit steps: their events, then Redis. */
  public AtomicBoolean announce(List<Job> jobs) {
    List<JobEvent> created =
        jobs.stream()
            .map(
                job ->
                    JobEvent.of(
                        job.getStatus() == JobStatus.SCHEDULED
                            ? EventType.JOB_SCHEDULED
                            : EventType.JOB_CREATED,
                        job,
                        null))
            .toList();
    events.fire(new JobEvents(created, true));
    // A waiting job reaches Redis only when its parents let it (DependencyReleases).
    JobsSubmitted event =
        new JobsSubmitted(
            jobs.stream()
                .filter(job -> job.getStatus() != JobStatus.WAITING)
                .map(JobService::queued)
                .toList(),
            created);
    submitted.fire(event);
    return event.dispatched();
  }

  /** Takes the key for {@code id}; the earlier job when the key is live. */
  private Optional<Job> claimKey(IdempotencyKey key, UUID id, Duration window) {
    OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(window);
    List<?> taken =
        em.createNativeQuery(
                "INSERT INTO "
                    + Tables.IDEMPOTENCY_KEYS
                    + " (owner, key, job_id, expires_at, fingerprint)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (owner, key) DO UPDATE"
                    + " SET job_id = EXCLUDED.job_id, expires_at = EXCLUDED.expires_at,"
                    + " fingerprint = EXCLUDED.fingerprint"
                    + " WHERE idempotency_keys.expires_at < now() RETURNING job_id")
            .setParameter(1, key.owner())
            .setParameter(2, key.key())
            .setParameter(3, id)
            .setParameter(4, expires)
            .setParameter(5, key.fingerprint())
            .getResultList();
    if (!taken.isEmpty()) {
      return Optional.empty();
    }
    Object[] owner =
        (Object[])
            em.createNativeQuery(
                    "SELECT job_id, fingerprint FROM "
                        + Tables.IDEMPOTENCY_KEYS
                        + " WHERE owner = ?1 AND key = ?2")
                .setParameter(1, key.owner())
                .setParameter(2, key.key())
                .getSingleResult();
    Job earlier = em.find(Job.class, UUID.fromString(owner[0].toString()));
    if (earlier == null) {
      // The earlier job was deleted: the key is free again.
      em.createNativeQuery(
              "UPDATE "
                  + Tables.IDEMPOTENCY_KEYS
                  + " SET job_id = ?3, expires_at = ?4, fingerprint = ?5"
                  + " WHERE owner = ?1 AND key = ?2")
          .setParameter(1, key.owner())
          .setParameter(2, key.key())
          .setParameter(3, id)
          .setParameter(4, expires)
          .setParameter(5, key.fingerprint())
          .executeUpdate();
    } else if (owner[1] != null && !owner[1].equals(key.fingerprint())) {
      throw new IdempotencyKeyReused(key.key());
    }
    return Optional.ofNullable(earlier);
  }

  /** The Redis entry of a stored job: now, or at its run time when scheduled. */
  public static QueuedJob queued(Job job) {
    long due = job.getScheduledAt() == null ? 0 : job.getScheduledAt().toInstant().toEpochMilli();
    return new QueuedJob(job.getId(), job.getPriority(), due);
  }

  public Optional<Job> find(UUID id) {
    return Optional.ofNullable(em.find(Job.class, id));
  }

  /** The job's finished attempts, oldest first (bounded: a job has at most 100 per retry). */
  public List<JobAttempt> attempts(UUID id) {
    return em.createQuery(
            "SELECT a FROM JobAttempt a WHERE a.jobId = :id ORDER BY a.attempt", JobAttempt.class)
        .setParameter("id", id)
        .setMaxResults(MAX_ATTEMPTS_LISTED)
        .getResultList();
  }

  /**
   * The job as the database has it now, for a caller whose transaction changed it with a bulk
   * update (which leaves an already loaded entity stale).
   */
  public Optional<Job> reload(UUID id) {
    Job job = em.find(Job.class, id);
    if (job != null) {
      em.refresh(job);
    }
    return Optional.ofNullable(job);
  }

  /** One page of jobs, newest first, after the filter's cursor (keyset pagination). */
  public List<JobSummary> list(JobFilter filter) {
    StringBuilder jpql = new StringBuilder(JobSummary.SELECT + " FROM Job j WHERE 1 = 1");
    if (filter.status() != null) {
      // Only final_status is indexed (V9): finished jobs by it, unfinished ones by its absence.
      jpql.append(
          filter.status().isFinished()
              ? " AND j.finalStatus = :status"
              : " AND j.finalStatus IS NULL AND j.status = :status");
    }
    if (filter.type() != null) {
      jpql.append(" AND j.type = :type");
    }
    if (filter.priority() != null) {
      jpql.append(" AND j.priority = :priority");
    }
    if (filter.submittedBy() != null) {
      jpql.append(" AND j.submittedBy = :submittedBy");
    }
    if (filter.before() != null) {
      jpql.append(" AND j.id < :before");
    }
    jpql.append(" ORDER BY j.id DESC");
    TypedQuery<JobSummary> query = em.createQuery(jpql.toString(), JobSummary.class);
    if (filter.status() != null) {
      query.setParameter("status", filter.status());
    }
    if (filter.type() != null) {
      query.setParameter("type", filter.type());
    }
    if (filter.priority() != null) {
      query.setParameter("priority", filter.priority());
    }
    if (filter.submittedBy() != null) {
      query.setParameter("submittedBy", filter.submittedBy());
    }
    if (filter.before() != null) {
      query.setParameter("before", filter.before());
    }
    return query.setMaxResults(filter.limit()).getResultList();
  }
}
