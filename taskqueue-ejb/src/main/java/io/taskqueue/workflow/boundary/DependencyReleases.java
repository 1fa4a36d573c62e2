package io.taskqueue.workflow.boundary;

import io.taskqueue.configuration.control.TaskqueueDatabase;
import io.taskqueue.job.entity.EventType;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.job.entity.JobEvents;
import io.taskqueue.job.entity.JobsSubmitted;
import io.taskqueue.job.entity.QueuedJob;
import io.taskqueue.store.control.Jdbc;
import io.taskqueue.workflow.control.DependencySql;
import io.taskqueue.workflow.control.ReleaseHint;
import io.taskqueue.workflow.entity.PendingRelease;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Carries out what the dependency trigger decided: queues waiting jobs whose parents let them run
 * (to Redis after commit, like any submission) and cancels those whose parent failed. Each batch is
 * one transaction that also deletes the batch's marks, so a crash anywhere leaves the marks for the
 * next round (on any node), and a mark carried out twice changes nothing: the statements only move
 * jobs that are still waiting.
 */
@ApplicationScoped
@Transactional
public class DependencyReleases {

  @Inject @TaskqueueDatabase DataSource dataSource;

  @PersistenceContext(unitName = "taskqueue")
  EntityManager em;

  @Inject Event<JobsSubmitted> submitted;
  @Inject Event<JobEvents> events;

  /** How often a node asks the database for marks without having ended a parent itself. */
  static final long UNPROMPTED_LOOK_NANOS = 2_000_000_000L;

  @Inject ReleaseHint hint;
  private final AtomicLong lastLook = new AtomicLong(System.nanoTime());

  /**
   * Whether marks may wait: at once when this node just ended a workflow parent, otherwise by
   * asking the database (without a transaction) every {@link #UNPROMPTED_LOOK_NANOS}: parents end
   * on other nodes, and through statements that do not announce it (a last attempt's failure). The
   * duty asks several times a second; an idle node should not pay a query each time.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public boolean anyDue() {
    if (hint.take()) {
      return true;
    }
    long now = System.nanoTime();
    long last = lastLook.get();
    if (now - last < UNPROMPTED_LOOK_NANOS || !lastLook.compareAndSet(last, now)) {
      return false;
    }
    return Jdbc.on(dataSource, "look for releases", DependencySql::anyRelease);
  }

  /** Carries out up to {@code batch} marks; returns how many it took. */
  public int releaseDue(int batch) {
    List<UUID> released;
    List<UUID> cancelled;
    int taken;
    try (Connection c = dataSource.getConnection()) {
      List<PendingRelease> marks = DependencySql.takeReleases(c, batch);
      if (marks.isEmpty()) {
        return 0;
      }
      taken = marks.size();
      List<UUID> toRelease = new ArrayList<>();
      List<UUID> toCancel = new ArrayList<>();
      marks.forEach(m -> (m.release() ? toRelease : toCancel).add(m.jobId()));
      released = toRelease.isEmpty() ? List.of() : DependencySql.release(c, toRelease);
      cancelled =
          toCancel.isEmpty()
              ? List.of()
              : DependencySql.cancelForParent(c, toCancel, Instant.now());
      DependencySql.deleteReleases(c, marks.stream().map(PendingRelease::jobId).toList());
    } catch (SQLException e) {
      throw new IllegalStateException("could not release waiting jobs: " + e.getMessage(), e);
    }
    if (!released.isEmpty()) {
      List<Job> jobs = load(released);
      submitted.fire(
          new JobsSubmitted(
              // Queued now: its scheduled_at (the release) is not a run time to wait for.
              jobs.stream().map(j -> new QueuedJob(j.getId(), j.getPriority())).toList(),
              jobs.stream().map(j -> JobEvent.of(EventType.JOB_RELEASED, j, null)).toList()));
    }
    if (!cancelled.isEmpty()) {
      events.fire(
          new JobEvents(
              load(cancelled).stream()
                  .map(j -> JobEvent.of(EventType.JOB_CANCELLED, j, null))
                  .toList(),
              false));
    }
    return taken;
  }

  private List<Job> load(List<UUID> ids) {
    return em.createQuery("SELECT j FROM Job j WHERE j.id IN :ids", Job.class)
        .setParameter("ids", ids)
        .getResultList();
  }
}
