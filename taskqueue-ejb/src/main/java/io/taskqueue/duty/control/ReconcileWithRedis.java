package io.taskqueue.duty.control;

import io.taskqueue.job.control.JobLifecycle;
import io.taskqueue.job.control.UnfinishedJobs;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.LeaseEnd;
import io.taskqueue.job.entity.QueuedJob;
import io.taskqueue.job.entity.UnfinishedJob;
import io.taskqueue.lease.boundary.Leases;
import io.taskqueue.queue.boundary.DispatchQueue;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Makes Redis agree with PostgreSQL, the source of truth, after Redis lost data (a FLUSHALL, a
 * restart without persistence, a failover) or was down when jobs were submitted. Each round copies
 * the paused queues to Redis; when a full sweep is due ({@link FullSweep} says when), it pages
 * through every unfinished job older than a short grace period:
 *
 * <ol>
 *   <li>scheduled, queued and retrying jobs Redis holds nowhere are put back (the restore script
 *       checks, so nothing is doubled);
 *   <li>paused queues are paused in Redis too, and only they;
 *   <li>a running job whose lease Redis no longer holds is handed back like an expired lease
 *       (fenced by its lease id in PostgreSQL), then queued again.
 * </ol>
 */
public final class ReconcileWithRedis implements Runnable {

  /** What tells this node whether Redis may have lost data; see {@code SweepMarks}. */
  public interface RedisIdentity {
    String runId();

    boolean marked();

    /** Leaves the node's mark, to expire after {@code ttl} unless left again. */
    void mark(Duration ttl);
  }

  private static final Logger LOG = Logger.getLogger(ReconcileWithRedis.class.getName());
  private static final int PAGE = 500;
  private static final UUID FIRST = new UUID(0, 0);

  private final UnfinishedJobs unfinished;
  private final JobLifecycle lifecycle;
  private final DispatchQueue dispatch;
  private final Leases leases;
  private final Duration grace;
  private final Runnable copyPauses;
  private final RedisIdentity redis;
  private final LongSupplier redisErrors;
  private final Duration fullEvery;
  private final LongSupplier nanoTime;
  private FullSweep last;

  public ReconcileWithRedis(
      UnfinishedJobs unfinished,
      JobLifecycle lifecycle,
      DispatchQueue dispatch,
      Leases leases,
      Duration grace,
      Runnable copyPauses,
      RedisIdentity redis,
      LongSupplier redisErrors,
      Duration fullEvery,
      LongSupplier nanoTime) {
    this.unfinished = unfinished;
    this.lifecycle = lifecycle;
    this.dispatch = dispatch;
    this.leases = leases;
    this.grace = grace;
    this.copyPauses = copyPauses;
    this.redis = redis;
    this.redisErrors = redisErrors;
    this.fullEvery = fullEvery;
    this.nanoTime = nanoTime;
  }

  @Override
  public void run() {
    copyPauses.run();
    // Read before the sweep: what fails or changes while it runs makes the next round sweep again.
    long now = nanoTime.getAsLong();
    String runId = redis.runId();
    long errors = redisErrors.getAsLong();
    Optional<String> reason =
        FullSweep.reason(last, runId, redis.marked(), errors, now, fullEvery, grace);
    if (reason.isEmpty()) {
      return;
    }
    // The mark outlives two intervals: a live node renews it long before it expires.
    redis.mark(fullEvery.multipliedBy(2).plus(Duration.ofMinutes(1)));
    sweep(reason.get());
    boolean sign =
        !reason.get().equals(FullSweep.PERIODIC) && !reason.get().equals(FullSweep.FOLLOW_UP);
    last = new FullSweep(runId, errors, now, sign);
  }

  private void sweep(String reason) {
    long started = nanoTime.getAsLong();
    OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(grace);
    long restored = 0;
    long handedBack = 0;
    UUID after = FIRST;
    List<UnfinishedJob> page;
    do {
      page = unfinished.page(after, cutoff, PAGE);
      restored += dispatch.restore(waiting(page));
      handedBack += handBackOrphans(page);
      after = page.isEmpty() ? after : page.get(page.size() - 1).id();
    } while (page.size() == PAGE);
    long tookMs = Duration.ofNanos(nanoTime.getAsLong() - started).toMillis();
    LOG.fine(() -> "Full sweep (" + reason + ") took " + tookMs + " ms");
    if (restored + handedBack > 0) {
      long r = restored;
      long o = handedBack;
      LOG.warning(
          () ->
              "Redis had lost jobs: restored "
                  + r
                  + " waiting, handed back "
                  + o
                  + " running (full sweep: "
                  + reason
                  + ")");
    }
  }

  private static List<QueuedJob> waiting(List<UnfinishedJob> page) {
    return page.stream()
        .filter(j -> j.status() != JobStatus.RUNNING)
        .map(
            j ->
                new QueuedJob(
                    j.id(),
                    j.priority(),
                    j.status() != JobStatus.QUEUED && j.scheduledAt() != null
                        ? j.scheduledAt().toInstant().toEpochMilli()
                        : 0))
        .toList();
  }

  private long handBackOrphans(List<UnfinishedJob> page) {
    List<UnfinishedJob> running =
        page.stream().filter(j -> j.status() == JobStatus.RUNNING && j.leaseId() != null).toList();
    if (running.isEmpty()) {
      return 0;
    }
    Map<UUID, Long> inRedis = leases.leaseIds(running.stream().map(UnfinishedJob::id).toList());
    Map<UUID, Long> missing = new HashMap<>();
    for (UnfinishedJob job : running) {
      if (!Objects.equals(inRedis.get(job.id()), job.leaseId())) {
        missing.put(job.id(), job.leaseId());
      }
    }
    Set<UUID> orphans = unfinished.stillRunning(missing);
    long handedBack = 0;
    for (UnfinishedJob job : running) {
      // Only the node whose lease end moved the row may enqueue it: two nodes reconciling the same
      // orphan would otherwise both enqueue it, and the second copy would skip its backoff.
      if (orphans.contains(job.id())) {
        LeaseEnd ended = lifecycle.recoverExpired(job.id(), job.leaseId());
        if (ended.moved() && ended.status() == JobStatus.QUEUED) {
          dispatch.enqueue(List.of(new QueuedJob(job.id(), job.priority())));
          handedBack++;
        }
      }
    }
    return handedBack;
  }
}
