package io.taskqueue.job.boundary;

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
 * <p>A group that fails is retried one job at a time, so that a job PostgreSQL refuses fails alone.
 * A caller with its own transaction is not grouped: its job must commit or roll back with it.
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
      group = takeGroup();
    }
    try {
      commit(group);
    } finally {
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

  private List<Pending> takeGroup() {
    List<Pending> group = new ArrayList<>(Math.min(waiting.size(), maxGroup));
    while (!waiting.isEmpty() && group.size() < maxGroup) {
      group.add(waiting.poll());
    }
    return group;
  }

  /** Commits the group; if that fails, each job alone. Marks each one done either way. */
  private void commit(List<Pending> group) {
    try {
      store(group);
    } catch (RuntimeException e) {
      if (group.size() == 1) {
        group.get(0).failure = e;
      } else {
        for (Pending one : group) {
          try {
            store(List.of(one));
          } catch (RuntimeException alone) {
            one.failure = alone;
          }
        }
      }
    } catch (Error e) {
      group.forEach(p -> p.failure = new IllegalStateException("The submission failed", e));
      throw e;
    } finally {
      synchronized (this) {
        group.forEach(p -> p.done = true);
      }
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
