package io.taskqueue.job.boundary;

import io.taskqueue.job.control.JobIds;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.JobFilter;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.JobsSubmitted;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.queue.entity.QueuedJob;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Submitting and reading jobs. A submission stores every row in one transaction and hands the ids
 * to Redis only after it commits ({@link io.taskqueue.job.control.EnqueueAfterCommit}).
 */
@Stateless
public class JobService {

  @PersistenceContext(unitName = "taskqueue")
  EntityManager em;

  @Inject Event<JobsSubmitted> submitted;

  /** Stores the jobs, all or none, and returns them in submission order. */
  public List<Job> submit(List<NewJob> newJobs) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    List<Job> jobs = new ArrayList<>(newJobs.size());
    List<QueuedJob> queued = new ArrayList<>(newJobs.size());
    for (NewJob n : newJobs) {
      Job job = new Job(JobIds.next(), n.type(), n.payload(), n.priority(), n.maxAttempts(), now);
      em.persist(job);
      jobs.add(job);
      queued.add(new QueuedJob(job.getId(), job.getPriority()));
    }
    em.flush();
    submitted.fire(new JobsSubmitted(queued));
    return jobs;
  }

  public Optional<Job> find(UUID id) {
    return Optional.ofNullable(em.find(Job.class, id));
  }

  /** One page of jobs, newest first, after the filter's cursor (keyset pagination). */
  public List<Job> list(JobFilter filter) {
    StringBuilder jpql = new StringBuilder("SELECT j FROM Job j WHERE 1 = 1");
    if (filter.status() != null) {
      jpql.append(" AND j.status = :status");
    }
    if (filter.type() != null) {
      jpql.append(" AND j.type = :type");
    }
    if (filter.priority() != null) {
      jpql.append(" AND j.priority = :priority");
    }
    if (filter.before() != null) {
      jpql.append(" AND j.id < :before");
    }
    jpql.append(" ORDER BY j.id DESC");
    TypedQuery<Job> query = em.createQuery(jpql.toString(), Job.class);
    if (filter.status() != null) {
      query.setParameter("status", filter.status());
    }
    if (filter.type() != null) {
      query.setParameter("type", filter.type());
    }
    if (filter.priority() != null) {
      query.setParameter("priority", filter.priority());
    }
    if (filter.before() != null) {
      query.setParameter("before", filter.before());
    }
    return query.setMaxResults(filter.limit()).getResultList();
  }

  public Map<JobStatus, Long> countByStatus() {
    Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
    for (JobStatus s : JobStatus.values()) {
      counts.put(s, 0L);
    }
    for (Object[] row : em.createNamedQuery(Job.COUNT_BY_STATUS, Object[].class).getResultList()) {
      counts.put((JobStatus) row[0], (Long) row[1]);
    }
    return counts;
  }
}
