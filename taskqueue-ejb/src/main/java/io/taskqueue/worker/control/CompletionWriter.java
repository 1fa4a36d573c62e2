package io.taskqueue.worker.control;

import io.taskqueue.job.control.AttemptBatches;
import io.taskqueue.job.control.RefusedData;
import io.taskqueue.job.entity.FinishedAttempt;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.entity.Claim;
import io.taskqueue.store.control.StoreErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Write-behind of successes: workers hand over a finished attempt and go on to the next job; this
 * node's writer thread records whatever has gathered in one PostgreSQL statement (each row fenced
 * by its attempt number), and only then ends those leases in Redis in one step. Until then the
 * leases stay held and renewed, so a crash before the write leaves the jobs to be recovered and run
 * again (at least once), and a success is never acknowledged before it is durable. The queue is
 * bounded: when PostgreSQL is slow or away, workers wait here rather than pile up results.
 */
@ApplicationScoped
public class CompletionWriter {

  static final int CAPACITY = 4_096;
  private static final Logger LOG = Logger.getLogger(CompletionWriter.class.getName());

  record Pending(Claim claim, FinishedAttempt attempt) {}

  @Inject AttemptBatches batches;
  @Inject DispatchQueue dispatch;
  @Inject RunningAttempts attempts;
  @Inject StoreErrors errors;

  @Inject
  @ConfigProperty(name = "taskqueue.worker.batch", defaultValue = "500")
  int maxBatch;

  private final BlockingQueue<Pending> pending = new ArrayBlockingQueue<>(CAPACITY);
  private final Object written = new Object();
  private int unwritten; // guarded by written

  /** Queues a success for recording; waits while the queue is full. */
  public void record(Claim claim, FinishedAttempt attempt) throws InterruptedException {
    synchronized (written) {
      unwritten++;
    }
    try {
      pending.put(new Pending(claim, attempt));
    } catch (InterruptedException e) {
      wrote(1);
      throw e;
    }
  }

  /** The writer loop: runs while {@code keepGoing} says so, then writes what is left. */
  public void run(BooleanSupplier keepGoing) {
    List<Pending> batch = new ArrayList<>();
    while (keepGoing.getAsBoolean() || !pending.isEmpty()) {
      try {
        Pending first = pending.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        pending.drainTo(batch, Math.max(0, maxBatch - 1));
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        wrote(batch.size());
        batch.clear();
      }
    }
  }

  /** Waits up to {@code millis} until every queued success is written; whether it was. */
  public boolean awaitWritten(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (written) {
      while (unwritten > 0) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        written.wait(left);
      }
      return true;
    }
  }

  private void write(List<Pending> batch) {
    List<Claim> claims = batch.stream().map(Pending::claim).toList();
    try {
      Set<UUID> ended = recordEach(batch.stream().map(Pending::attempt).toList());
      // A rejected success (the attempt is no longer current) leaves Redis alone: whatever holds
      // the job there now is not this attempt, unless a cancel superseded it.
      List<Claim> over =
          claims.stream()
              .filter(c -> ended.contains(c.jobId()) || attempts.of(c).isCancelled())
              .toList();
      dispatch.ack(over);
      batch.stream()
          .map(Pending::attempt)
          .filter(a -> !ended.contains(a.jobId()))
          .forEach(
              a ->
                  LOG.warning(
                      () ->
                          "Rejected stale write: job "
                              + a.jobId()
                              + " attempt "
                              + a.attempt()
                              + " -> COMPLETED (the attempt is no longer current)"));
    } catch (RuntimeException e) {
      errors.record(e);
      // Their leases expire and recovery sees what PostgreSQL holds: a recorded success is
      // only loses its lease, an unrecorded one runs again.
      LOG.log(Level.WARNING, "Could not record " + batch.size() + " success(es)", e);
    } finally {
      attempts.untrack(claims);
    }
  }

  /**
   * Records the successes in one statement; returns the jobs it ended. When PostgreSQL refuses the
   * data of one of them (a result {@code jsonb} cannot hold), nothing of the statement was written:
   * the halves are written apart, down to the refused success itself, which ends its job dead with
   * the reason instead of its result. One refused row among n costs about 2·log₂(n) statements, so
   * its neighbours are written within moments, once each, instead of running again.
   */
  private Set<UUID> recordEach(List<FinishedAttempt> finished) {
    try {
      return Durably.write(() -> batches.completeAll(finished), errors);
    } catch (RuntimeException e) {
      if (!RefusedData.isCauseOf(e)) {
        throw e;
      }
      if (finished.size() == 1) {
        return buryUnstorable(finished.get(0), e);
      }
      int half = finished.size() / 2;
      Set<UUID> ended = new HashSet<>(recordEach(finished.subList(0, half)));
      ended.addAll(recordEach(finished.subList(half, finished.size())));
      return ended;
    }
  }

  private Set<UUID> buryUnstorable(FinishedAttempt refused, RuntimeException refusal) {
    String error = "result not storable: " + RefusedData.reasonIn(refusal);
    LOG.warning(() -> "Job " + refused.jobId() + " ends dead: its " + error);
    try {
      return Durably.write(() -> batches.buryUnstorable(refused, error), errors)
          ? Set.of(refused.jobId())
          : Set.of();
    } catch (RuntimeException e) {
      if (!RefusedData.isCauseOf(e)) {
        throw e;
      }
      // Refused even so: its lease expires and recovery decides, as after a crash; the others
      // are written all the same.
      LOG.log(Level.WARNING, "Could not end job " + refused.jobId(), e);
      return Set.of();
    }
  }

  private void wrote(int count) {
    if (count == 0) {
      return;
    }
    synchronized (written) {
      unwritten -= count;
      written.notifyAll();
    }
  }
}
