package io.taskqueue.queue.boundary;

import io.taskqueue.job.entity.Priority;
import io.taskqueue.queue.control.LuaScript;
import io.taskqueue.queue.control.RedisKeys;
import io.taskqueue.queue.entity.Claim;
import io.taskqueue.queue.entity.QueueDepths;
import io.taskqueue.queue.entity.QueuedJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis side of dispatch. Its duties:
 *
 * <ol>
 *   <li>enqueue job ids into their priority lists after their rows are committed;
 *   <li>claim the next job, strictly high before medium before low, leasing it atomically;
 *   <li>ack or reschedule a leased job, fenced by its lease id;
 *   <li>extend the lease of a running job (heartbeat), and find and requeue expired leases;
 *   <li>promote delayed jobs that are due;
 *   <li>let idle workers block until work arrives, without polling.
 * </ol>
 *
 * <p>Redis holds only ids; PostgreSQL holds the jobs. Requires Redis 6.2 or later (no
 * BLMPOP/LMPOP).
 */
public class DispatchQueue {

  /** The wake list never holds more tokens than this: at most this many spurious wake-ups. */
  static final int WAKE_TOKEN_CAP = 1_000;

  private static final int PROMOTE_BATCH = 1_000;

  private final UnifiedJedis redis;
  private final RedisKeys keys;
  private final LuaScript enqueue = LuaScript.fromResource("enqueue");
  private final LuaScript claim = LuaScript.fromResource("claim");
  private final LuaScript ack = LuaScript.fromResource("ack");
  private final LuaScript retryLater = LuaScript.fromResource("retry_later");
  private final LuaScript promoteDue = LuaScript.fromResource("promote_due");
  private final LuaScript extendLease = LuaScript.fromResource("extend_lease");
  private final LuaScript findExpired = LuaScript.fromResource("find_expired");
  private final LuaScript requeue = LuaScript.fromResource("requeue");
  private final LuaScript restore = LuaScript.fromResource("restore");
  private final LuaScript resume = LuaScript.fromResource("resume");

  public DispatchQueue(UnifiedJedis redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  /** Appends the jobs to the tails of their priority lists in one round trip. */
  public void enqueue(Collection<QueuedJob> jobs) {
    enqueue(jobs, false);
  }

  /**
   * Queues jobs an operator runs again (dead or cancelled ones), ending whatever lease their last
   * attempt still holds: that attempt can no longer record anything in PostgreSQL, and its lease
   * would otherwise make the claim drop the new copy as a duplicate.
   */
  public void enqueueAgain(Collection<QueuedJob> jobs) {
    enqueue(jobs, true);
  }

  private void enqueue(Collection<QueuedJob> jobs, boolean endLeases) {
    if (jobs.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>(2 + 3 * jobs.size());
    args.add(Integer.toString(WAKE_TOKEN_CAP));
    args.add(endLeases ? "1" : "0");
    for (QueuedJob job : jobs) {
      args.add(Integer.toString(job.priority().ordinal() + 1));
      args.add(job.jobId().toString());
      args.add(Long.toString(job.dueMillis()));
    }
    List<String> scriptKeys = new ArrayList<>(keys.queues());
    scriptKeys.addAll(List.of(keys.wake(), keys.queued()));
    scriptKeys.addAll(keys.delayedSets());
    scriptKeys.addAll(List.of(keys.inflight(), keys.lease()));
    enqueue.run(redis, scriptKeys, args);
  }

  /**
   * Leases the next job to {@code workerId}, or returns empty when no job waits.
   *
   * @param wokenByToken whether the caller just consumed a wake token (see {@link #awaitWork})
   */
  public Optional<Claim> claim(String workerId, Duration lease, boolean wokenByToken) {
    return claimUpTo(1, workerId, lease, wokenByToken).stream().findFirst();
  }

  /**
   * Leases up to {@code max} waiting jobs to {@code owner} in one step, highest priority first;
   * empty when no job waits.
   *
   * @param wokenByToken whether the caller just consumed a wake token (see {@link #awaitWork})
   */
  public List<Claim> claimUpTo(int max, String owner, Duration lease, boolean wokenByToken) {
    List<String> scriptKeys = new ArrayList<>(keys.queues());
    scriptKeys.addAll(
        List.of(
            keys.inflight(),
            keys.lease(),
            keys.leaseSequence(),
            keys.wake(),
            keys.queued(),
            keys.paused()));
    List<?> fields =
        (List<?>)
            claim.run(
                redis,
                scriptKeys,
                List.of(
                    Long.toString(lease.toMillis()),
                    owner,
                    wokenByToken ? "0" : "1",
                    Integer.toString(max)));
    List<Claim> claims = new ArrayList<>(fields.size() / 4);
    for (int i = 0; i + 3 < fields.size(); i += 4) {
      claims.add(
          new Claim(
              UUID.fromString(text(fields.get(i))),
              Priority.values()[(int) number(fields.get(i + 1)) - 1],
              number(fields.get(i + 2)),
              number(fields.get(i + 3))));
    }
    return claims;
  }

  /** Ends the claim's lease; false when the lease was no longer the claim's. */
  public boolean ack(Claim held) {
    return ack(List.of(held)) == 1;
  }

  /** Ends the leases of these claims in one step; returns how many were still theirs. */
  public long ack(Collection<Claim> held) {
    if (held.isEmpty()) {
      return 0;
    }
    List<String> args = new ArrayList<>(2 * held.size());
    for (Claim claim : held) {
      args.add(claim.jobId().toString());
      args.add(Long.toString(claim.leaseId()));
    }
    return number(ack.run(redis, List.of(keys.inflight(), keys.lease()), args));
  }

  /**
   * Ends the claim's lease and puts the job in its priority's delayed set, due after {@code delay};
   * false when the lease was no longer the claim's.
   */
  public boolean retryLater(Claim held, Duration delay) {
    Object reply =
        retryLater.run(
            redis,
            List.of(keys.inflight(), keys.lease(), keys.delayed(held.priority())),
            List.of(
                held.jobId().toString(),
                Long.toString(held.leaseId()),
                Long.toString(delay.toMillis())));
    return reply != null;
  }

  /** Moves due delayed jobs to their priority lists; returns how many moved. */
  public long promoteDue() {
    List<String> scriptKeys = new ArrayList<>(keys.delayedSets());
    scriptKeys.addAll(keys.queues());
    scriptKeys.addAll(List.of(keys.wake(), keys.queued()));
    return number(
        promoteDue.run(
            redis,
            scriptKeys,
            List.of(Integer.toString(PROMOTE_BATCH), Integer.toString(WAKE_TOKEN_CAP))));
  }

  /** Pushes the claim's lease deadline {@code lease} past now; false when the lease was lost. */
  public boolean extendLease(Claim held, Duration lease) {
    return extendLeases(List.of(held), lease).isEmpty();
  }

  /**
   * Pushes the lease deadlines of these claims {@code lease} past now, in one step; returns the
   * claims whose lease was lost (recovered by another node meanwhile).
   */
  public List<Claim> extendLeases(Collection<Claim> held, Duration lease) {
    if (held.isEmpty()) {
      return List.of();
    }
    List<String> args = new ArrayList<>(1 + 2 * held.size());
    args.add(Long.toString(lease.toMillis()));
    Map<String, Claim> byId = new java.util.HashMap<>();
    for (Claim claim : held) {
      args.add(claim.jobId().toString());
      args.add(Long.toString(claim.leaseId()));
      byId.put(claim.jobId().toString(), claim);
    }
    List<?> lost = (List<?>) extendLease.run(redis, List.of(keys.inflight(), keys.lease()), args);
    return lost.stream().map(id -> byId.get(text(id))).toList();
  }

  /**
   * Tells whichever node runs the attempt that holds {@code leaseId} to stop it: a signal that
   * lives for {@code ttl}, long enough for that node's watcher to see it (see {@link
   * #cancelRequested}).
   */
  public void requestCancel(UUID jobId, long leaseId, Duration ttl) {
    redis.psetex(keys.cancel(jobId, leaseId), Math.max(1, ttl.toMillis()), "1");
  }

  /** Which of these held claims a user asked to cancel. */
  public java.util.Set<Claim> cancelRequested(java.util.Collection<Claim> held) {
    java.util.Map<Claim, Response<Boolean>> replies = new java.util.HashMap<>();
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (Claim claim : held) {
        replies.put(claim, pipeline.exists(keys.cancel(claim.jobId(), claim.leaseId())));
      }
      pipeline.sync();
    }
    java.util.Set<Claim> cancelled = new java.util.HashSet<>();
    replies.forEach(
        (claim, reply) -> {
          if (Boolean.TRUE.equals(reply.get())) {
            cancelled.add(claim);
          }
        });
    return cancelled;
  }

  /** Up to {@code max} leases whose deadline has passed, as the claims they were. */
  public List<Claim> findExpired(int max) {
    Object reply =
        findExpired.run(
            redis, List.of(keys.inflight(), keys.lease()), List.of(Integer.toString(max)));
    List<Claim> expired = new ArrayList<>();
    List<?> flat = (List<?>) reply;
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      String[] lease = text(flat.get(i + 1)).split("\\|", 3);
      expired.add(
          new Claim(
              UUID.fromString(text(flat.get(i))),
              Priority.values()[Integer.parseInt(lease[1]) - 1],
              Long.parseLong(lease[0]),
              0));
    }
    return expired;
  }

  /**
   * Ends an expired or handed-back lease and puts the job back at the head of its priority list;
   * false when the lease had changed meanwhile (another node recovered it first).
   */
  public boolean requeue(Claim expired) {
    return requeue(expired, 0);
  }

  /**
   * Like {@link #requeue(Claim)}, for a job whose next attempt is due at {@code dueMillis}: until
   * then it waits in its delayed set.
   */
  public boolean requeue(Claim expired, long dueMillis) {
    List<String> scriptKeys = new ArrayList<>(keys.queues());
    scriptKeys.addAll(
        List.of(
            keys.inflight(),
            keys.lease(),
            keys.wake(),
            keys.queued(),
            keys.delayed(expired.priority())));
    Object reply =
        requeue.run(
            redis,
            scriptKeys,
            List.of(
                expired.jobId().toString(),
                Long.toString(expired.leaseId()),
                Integer.toString(expired.priority().ordinal() + 1),
                Integer.toString(WAKE_TOKEN_CAP),
                Long.toString(dueMillis)));
    return number(reply) == 1;
  }

  /** Puts back the jobs Redis holds nowhere; returns how many. See {@code restore.lua}. */
  public long restore(List<QueuedJob> jobs) {
    if (jobs.isEmpty()) {
      return 0;
    }
    List<String> scriptKeys = new ArrayList<>(keys.queues());
    scriptKeys.addAll(keys.delayedSets());
    scriptKeys.addAll(List.of(keys.queued(), keys.inflight(), keys.lease(), keys.wake()));
    List<String> args = new ArrayList<>(1 + 3 * jobs.size());
    args.add(Integer.toString(WAKE_TOKEN_CAP));
    for (QueuedJob job : jobs) {
      args.add(job.jobId().toString());
      args.add(Integer.toString(job.priority().ordinal() + 1));
      args.add(Long.toString(job.dueMillis()));
    }
    return number(restore.run(redis, scriptKeys, args));
  }

  /** The lease id Redis holds for each job that has one. */
  public Map<UUID, Long> leaseIds(List<UUID> jobIds) {
    Map<UUID, Response<String>> replies = new java.util.HashMap<>();
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (UUID id : jobIds) {
        replies.put(id, pipeline.hget(keys.lease(), id.toString()));
      }
      pipeline.sync();
    }
    Map<UUID, Long> leases = new java.util.HashMap<>();
    replies.forEach(
        (id, reply) -> {
          if (reply.get() != null) {
            leases.put(id, Long.parseLong(reply.get().split("\\|", 2)[0]));
          }
        });
    return leases;
  }

  /**
   * Blocks until a wake token arrives or {@code timeout} passes. Returns whether a token was
   * consumed. The timeout only bounds how late a worker notices work whose token another worker
   * took; it is not a polling interval.
   */
  public boolean awaitWork(Duration timeout) {
    List<String> popped = redis.blpop((int) Math.max(1, timeout.toSeconds()), keys.wake());
    return popped != null && !popped.isEmpty();
  }

  /** Workers stop claiming from this priority's list; its jobs stay in it. */
  public void pause(Priority priority) {
    redis.sadd(keys.paused(), keys.queue(priority));
  }

  /** Workers claim from this priority's list again, and idle ones are woken for its jobs. */
  public void resume(Priority priority) {
    resume.run(
        redis,
        List.of(keys.paused(), keys.queue(priority), keys.wake()),
        List.of(Integer.toString(WAKE_TOKEN_CAP)));
  }

  /** Makes Redis's paused lists exactly {@code paused} (PostgreSQL's), after Redis lost data. */
  public void syncPaused(java.util.Set<Priority> paused) {
    for (Priority p : Priority.values()) {
      if (paused.contains(p)) {
        pause(p);
      } else if (redis.sismember(keys.paused(), keys.queue(p))) {
        resume(p);
      }
    }
  }

  public QueueDepths depths() {
    Map<Priority, Response<Long>> waiting = new EnumMap<>(Priority.class);
    List<Response<Long>> delayed = new ArrayList<>();
    Response<Long> inFlight;
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (Priority p : Priority.values()) {
        waiting.put(p, pipeline.llen(keys.queue(p)));
        delayed.add(pipeline.zcard(keys.delayed(p)));
      }
      inFlight = pipeline.zcard(keys.inflight());
      pipeline.sync();
    }
    Map<Priority, Long> waitingNow = new EnumMap<>(Priority.class);
    waiting.forEach((p, r) -> waitingNow.put(p, r.get()));
    return new QueueDepths(
        waitingNow, delayed.stream().mapToLong(Response::get).sum(), inFlight.get());
  }

  private static String text(Object value) {
    return value instanceof byte[] bytes ? new String(bytes) : String.valueOf(value);
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : Long.parseLong(text(value));
  }
}
