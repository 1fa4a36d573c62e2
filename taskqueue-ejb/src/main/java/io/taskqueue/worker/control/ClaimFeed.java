package io.taskqueue.worker.control;

import io.taskqueue.job.control.AttemptBatches;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.LeaseEnd;
import io.taskqueue.job.entity.StartedAttempt;
import io.taskqueue.lease.boundary.Leases;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.entity.Claim;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * This node's one claimer: leases jobs in Redis and starts them in PostgreSQL, many per round trip,
 * and hands them to the worker threads. It keeps as many jobs at hand as the workers will finish in
 * about {@link PrefetchWindow#HORIZON} (measured): hundreds of short jobs, but for jobs of a second
 * or more only one per idle worker, so a slow job never holds others back while workers on other
 * nodes are free. Waiting jobs are taken highest priority first.
 */
public final class ClaimFeed implements Runnable {

  private static final Logger LOG = Logger.getLogger(ClaimFeed.class.getName());
  private static final Duration IDLE_WAIT = Duration.ofSeconds(5);

  private final DispatchQueue dispatch;
  private final Leases leases;
  private final AttemptBatches batches;
  private final RunningAttempts attempts;
  private final String owner;
  private final Duration lease;
  private final PrefetchWindow window;
  private final BooleanSupplier running;
  private final Consumer<Throwable> errors;
  private final BlockingQueue<ClaimedAttempt> ready =
      new PriorityBlockingQueue<>(
          64,
          Comparator.comparing((ClaimedAttempt a) -> a.claim().priority())
              .thenComparingLong(a -> a.claim().leaseId()));

  public ClaimFeed(
      DispatchQueue dispatch,
      Leases leases,
      AttemptBatches batches,
      RunningAttempts attempts,
      String owner,
      Duration lease,
      PrefetchWindow window,
      BooleanSupplier running,
      Consumer<Throwable> errors) {
    this.dispatch = dispatch;
    this.leases = leases;
    this.batches = batches;
    this.attempts = attempts;
    this.owner = owner;
    this.lease = lease;
    this.window = window;
    this.running = running;
    this.errors = errors;
  }

  /** The next job for a worker thread, or null when none came within {@code timeout}. */
  public ClaimedAttempt next(Duration timeout) throws InterruptedException {
    return ready.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void run() {
    boolean woken = false;
    while (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
      try {
        int wanted = window.awaitRoom(running);
        if (wanted == 0) {
          continue;
        }
        long claimedAt = System.nanoTime();
        List<Claim> claims = dispatch.claimUpTo(wanted, owner, lease, woken);
        woken = false;
        if (claims.isEmpty()) {
          woken = dispatch.awaitWork(IDLE_WAIT);
        } else {
          start(claims, claimedAt);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable e) {
        // An Error too: a loop that dies strands what it holds and serves no more.
        errors.accept(e);
        LOG.log(Level.WARNING, "The claimer of " + owner + " hit an error; pausing", e);
        if (!ErrorPause.waitOut()) {
          break;
        }
      }
    }
  }

  private void start(List<Claim> claims, long claimedAtNanos) {
    Map<UUID, Claim> byId = new LinkedHashMap<>();
    claims.forEach(claim -> byId.put(claim.jobId(), claim));
    List<StartedAttempt> started;
    try {
      started =
          batches.startAll(
              byId.values().stream()
                  .collect(
                      Collectors.toMap(
                          Claim::jobId, Claim::leaseId, (a, b) -> a, LinkedHashMap::new)),
              owner);
    } catch (Throwable e) {
      // PostgreSQL is away: hand the jobs straight back rather than after their leases expire.
      claims.forEach(leases::requeue);
      throw e;
    }
    window.claimed(started.size());
    for (StartedAttempt attempt : started) {
      Claim claim = byId.remove(attempt.jobId());
      attempts.track(claim, claimedAtNanos, lease);
      ready.add(new ClaimedAttempt(claim, attempt));
    }
    if (!byId.isEmpty()) {
      settleNotStarted(byId);
    }
  }

  /**
   * Claimed jobs that PostgreSQL would not start: a retrying or scheduled one that is not due yet
   * (a copy Redis held early) waits in its delayed set again; any other (cancelled, finished,
   * deleted) only loses its lease.
   */
  private void settleNotStarted(Map<UUID, Claim> notStarted) {
    Map<UUID, LeaseEnd> why = batches.notStarted(notStarted.keySet());
    List<Claim> over = new java.util.ArrayList<>();
    for (Claim claim : notStarted.values()) {
      LeaseEnd job = why.get(claim.jobId());
      boolean waiting =
          job != null
              && (job.status() == JobStatus.RETRYING || job.status() == JobStatus.SCHEDULED)
              && job.dueAt() != null;
      if (waiting) {
        leases.requeue(claim, job.dueMillis());
      } else {
        over.add(claim);
      }
    }
    LOG.fine(() -> "Dropping " + over.size() + " job(s) not startable (cancelled or already run)");
    dispatch.ack(over);
  }
}
