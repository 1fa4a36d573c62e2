package io.taskqueue.queue.boundary;

import io.taskqueue.job.entity.EventType;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.job.entity.JobEvents;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.queue.entity.PauseChanged;
import io.taskqueue.schema.control.Tables;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

/**
 * Pausing and resuming a priority queue: its jobs are still accepted and kept, in order, but no
 * worker claims them until it is resumed. Running jobs are not affected. Stored in PostgreSQL,
 * applied to Redis after commit, announced as {@code queue.paused} / {@code queue.resumed}.
 */
@Stateless
public class QueuePauses {

  @PersistenceContext(unitName = "taskqueue")
  EntityManager em;

  /**
   * Serialises pause and resume with reconciliation's copy of the paused set to Redis, so that a
   * reconciliation that read the set before a pause cannot write its stale copy after it.
   */
  static final long PAUSES_LOCK = 0x7471_7061_7573_65L; // "tqpause"

  @Inject Event<PauseChanged> changed;
  @Inject Event<JobEvents> events;
  @Inject PauseSwitch pauseSwitch;

  /** Pauses the queue; false when it was paused already (nothing changes). */
  public boolean pause(Priority priority) {
    lock();
    int inserted =
        em.createNativeQuery(
                "INSERT INTO "
                    + Tables.PAUSED_QUEUES
                    + " (priority, paused_at) VALUES (?1, ?2)"
                    + " ON CONFLICT (priority) DO NOTHING")
            .setParameter(1, priority.name())
            .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
            .executeUpdate();
    announce(priority, true, inserted == 1);
    return inserted == 1;
  }

  /** Resumes the queue; false when it was not paused. */
  public boolean resume(Priority priority) {
    lock();
    int deleted =
        em.createNativeQuery("DELETE FROM " + Tables.PAUSED_QUEUES + " WHERE priority = ?1")
            .setParameter(1, priority.name())
            .executeUpdate();
    announce(priority, false, deleted == 1);
    return deleted == 1;
  }

  /**
   * Makes Redis's paused set PostgreSQL's, after Redis lost data, while no pause or resume can
   * commit in between; skipped (false) when one is under way: the next round copies it.
   */
  public boolean copyToRedis() {
    boolean mine =
        (Boolean)
            em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, PAUSES_LOCK)
                .getSingleResult();
    if (mine) {
      pauseSwitch.syncPaused(paused());
    }
    return mine;
  }

  private void lock() {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
        .setParameter(1, PAUSES_LOCK)
        .getSingleResult();
  }

  public Set<Priority> paused() {
    Set<Priority> paused = EnumSet.noneOf(Priority.class);
    for (Object name :
        em.createNativeQuery("SELECT priority FROM " + Tables.PAUSED_QUEUES).getResultList()) {
      paused.add(Priority.valueOf((String) name));
    }
    return paused;
  }

  private void announce(Priority priority, boolean paused, boolean changedNow) {
    // Redis gets the change even when PostgreSQL already had it: the copy may have been lost.
    changed.fire(new PauseChanged(priority, paused));
    if (changedNow) {
      events.fire(
          JobEvents.of(
              JobEvent.ofQueue(
                  paused ? EventType.QUEUE_PAUSED : EventType.QUEUE_RESUMED,
                  priority,
                  paused ? "paused" : "running")));
    }
  }
}
