package io.taskqueue.job.boundary;

import io.taskqueue.job.control.RefusedData;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.Submitted;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit for single submissions: requests that arrive while a commit is in flight are stored
 * together by the next one, in one INSERT, one commit and one Redis call. Each request is answered
 * only once its group has committed, with the same guarantees as alone.
 *
 * <p>No thread of its own and no timer: the request thread that finds no commit in flight commits
 * everything waiting (its own job included) and wakes the others. A lone request commits at once;
 * under load, groups form by themselves, as large as the requests that came in during one commit.
 *
 * <p>A group whose data PostgreSQL refuses is retried one job at a time, so that a refused job
 * fails alone; a group that fails otherwise fails as a whole, never stored twice. A caller with its
 * own transaction is not grouped: its job must commit or roll back with it.
 */
@ApplicationScoped
public class GroupedSubmits {

  /** One waiting request: its job, then its outcome. */
  private static final class Pending {
    final NewJob job;
    Job stored;
    AtomicBoolean dispatched;
    RuntimeException failure;
    boolean done;

    Pending(NewJob job) {
      this.job = job;
    }
  }

  @Inject JobService jobs;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject
  @ConfigProperty(name = "taskqueue.api.submit-group-max", defaultValue = "256")
  int maxGroup;

  private final Queue<Pending> waiting = new ArrayDeque<>(); // guarded by this
  private boolean committing; // guarded by this

  /** Stores the job, grouped with concurrent ones; returns once it is committed. */
  public Submitted submit(NewJob job) {
    if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
      return jobs.submit(List.of(job));
    }
    Pending mine = new Pending(job);
    List<Pending> group;
    synchronized (this) {
      waiting.add(mine);
      while (committing && !mine.done) {
        awaitCommit(mine);
      }
      if (mine.done) {
        return outcome(mine);
      }
      committing = true;
      group = takeGroup(mine);
    }
    // An interrupt meant for this request must not fail the others' jobs: it is restored after.
    boolean interrupted = Thread.interrupted();
    try {
      commit(group);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      synchronized (this) {
        committing = false;
        notifyAll();
      }
    }
    return outcome(mine);
  }

  /** How many submissions wait for the next group. */
  synchronized int waitingCount() {
    return waiting.size();
  }

  /** The committer's own job first, then the longest waiting ones, up to the group's size. */
  private List<Pending> takeGroup(Pending mine) {
    waiting.remove(mine);
    List<Pending> group = new ArrayList<>(Math.min(waiting.size() + 1, maxGroup));
    group.add(mine);
    while (!waiting.isEmpty() && group.size() < maxGroup) {
      group.add(waiting.poll());
    }
    return group;
  }

  /**
   * Commits the group. If PostgreSQL refused the data of a job (SQLState class 22 or 23: nothing
   * was committed), each job is tried alone so the others still get in; any other failure (the
   * database away, a commit whose outcome is unknown) fails the whole group, because trying again
   * could store a job twice. Marks each job done either way.
   */
  private void commit(List<Pending> group) {
    try {
      store(group);
    } catch (RuntimeException e) {
      if (group.size() > 1 && RefusedData.isCauseOf(e)) {
        group.forEach(this::storeAlone);
      } else {
        group.forEach(p -> p.failure = e);
      }
    } catch (Throwable e) {
      group.forEach(p -> p.failure = new IllegalStateException("The submission failed", e));
      throw e;
    } finally {
      synchronized (this) {
        for (Pending p : group) {
          if (p.stored == null && p.failure == null) {
            p.failure = new IllegalStateException("The submission was not stored");
          }
          p.done = true;
        }
      }
    }
  }

  private void storeAlone(Pending one) {
    try {
      store(List.of(one));
    } catch (RuntimeException e) {
      one.failure = e;
    }
  }

  private void store(List<Pending> group) {
    Submitted submitted = jobs.submit(group.stream().map(p -> p.job).toList());
    for (int i = 0; i < group.size(); i++) {
      group.get(i).stored = submitted.jobs().get(i);
      group.get(i).dispatched = submitted.dispatched();
    }
  }

  /**
   * Waits for the commit in flight. Interrupted, a job not yet taken into a group is withdrawn (it
   * is never stored); one already taken is waited for, so the caller learns what became of it.
   */
  private void awaitCommit(Pending mine) {
    try {
      wait();
    } catch (InterruptedException e) {
      if (waiting.remove(mine)) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted before the job was stored", e);
      }
      while (!mine.done) {
        try {
          wait();
        } catch (InterruptedException again) {
          // Its group is committing: the outcome is moments away and must reach the caller.
        }
      }
      Thread.currentThread().interrupt();
    }
  }

  private static Submitted outcome(Pending pending) {
    if (pending.failure != null) {
      throw pending.failure;
    }
    return new Submitted(List.of(pending.stored), true, pending.dispatched);
  }
}
