package io.taskqueue.job.control;

import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.UnfinishedJob;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/** Pages through the jobs that are not finished, oldest first, for reconciliation. */
@Stateless
public class UnfinishedJobs {

  @PersistenceContext(unitName = "taskqueue")
  EntityManager em;

  /**
   * Up to {@code limit} unfinished jobs created before {@code cutoff}, with ids after {@code
   * after}.
   */
  public List<UnfinishedJob> page(UUID after, OffsetDateTime cutoff, int limit) {
    return em.createQuery(
            "SELECT NEW io.taskqueue.job.entity.UnfinishedJob(j.id, j.priority, j.status,"
                + " j.scheduledAt, j.leaseId) FROM Job j WHERE j.status IN :unfinished"
                + " AND j.id > :after AND j.createdAt < :cutoff ORDER BY j.id",
            UnfinishedJob.class)
        .setParameter(
            "unfinished",
            EnumSet.of(
                JobStatus.SCHEDULED, JobStatus.QUEUED, JobStatus.RETRYING, JobStatus.RUNNING))
        .setParameter("after", after)
        .setParameter("cutoff", cutoff)
        .setMaxResults(limit)
        .getResultList();
  }
}
