package io.taskqueue.job.control;

import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.UnfinishedJob;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
                + " j.scheduledAt, j.leaseId) FROM Job j WHERE j.finalStatus IS NULL"
                + " AND j.status IN :unfinished"
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

  /**
   * Which of these jobs are still running under the lease given for each. A job seen running and
   * then without its lease in Redis may simply have finished in between; asking again, after the
   * lease was found missing, tells those apart in one query (a lease ends only after its outcome is
   * written).
   */
  public Set<UUID> stillRunning(Map<UUID, Long> leases) {
    if (leases.isEmpty()) {
      return Set.of();
    }
    List<Object[]> rows =
        em.createQuery(
                "SELECT j.id, j.leaseId FROM Job j WHERE j.id IN :ids AND j.status = :running",
                Object[].class)
            .setParameter("ids", leases.keySet())
            .setParameter("running", JobStatus.RUNNING)
            .getResultList();
    Set<UUID> running = new HashSet<>();
    for (Object[] row : rows) {
      if (Objects.equals(leases.get((UUID) row[0]), row[1])) {
        running.add((UUID) row[0]);
      }
    }
    return running;
  }
}
