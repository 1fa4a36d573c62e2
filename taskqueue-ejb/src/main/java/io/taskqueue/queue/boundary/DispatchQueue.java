package io.taskqueue.queue.boundary;

import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.QueuedJob;
import io.taskqueue.queue.entity.Claim;
import io.taskqueue.queue.entity.QueueDepths;
import io.taskqueue.store.control.LuaScript;
import io.taskqueue.store.control.RedisKeys;
import io.taskqueue.store.control.RedisReplies;
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
 *   <li>enqueue job ids into their priority lists after their rows are committed (and queue again
 *       jobs an operator runs again, ending their last attempt's lease);
 *   <li>claim the next jobs, strictly high before medium before low, leasing each atomically;
 *   <li>ack a leased job whose attempt is over, or reschedule a failed one, fenced by its lease id;
 *   <li>promote delayed jobs that are due, and put back jobs Redis lost (reconciliation);
 *   <li>let idle claimers block until work arrives, without polling; report depths.
 * </ol>
 *
 * <p>Leases once taken are {@code lease.boundary.Leases}'s; the paused set is {@link
 * PauseSwitch}'s. Redis holds only ids; PostgreSQL holds the jobs. Requires Redis 6.2 or later.
 */
public class DispatchQueue {

  /** The wake list never holds more tokens than this: at most this many spurious wake-ups. */
  public static final int WAKE_TOKEN_CAP = 1_000;

  private static final int PROMOTE_BATCH = 1_000;

  private final UnifiedJedis redis;
  private final RedisKeys keys;
  private final LuaScript enqueue = LuaScript.fromResource("enqueue");
  private final LuaScript claim = LuaScript.fromResource("claim");
  private final LuaScript ack = LuaScript.fromResource("ack");
  private final LuaScript retryLater = LuaScript.fromResource("retry_later");
  private final LuaScript promoteDue = LuaScript.fromResource("promote_due");
  private final LuaScript restore = LuaScript.fromResource("restore");
  private final LuaScript unpark = LuaScript.fromResource("unpark");

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
              UUID.fromString(RedisReplies.text(fields.get(i))),
              Priority.values()[(int) RedisReplies.number(fields.get(i + 1)) - 1],
              RedisReplies.number(fields.get(i + 2)),
              RedisReplies.number(fields.get(i + 3))));
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
    return RedisReplies.number(ack.run(redis, List.of(keys.inflight(), keys.lease()), args));
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
    return RedisReplies.number(
        promoteDue.run(
            redis,
            scriptKeys,
            List.of(Integer.toString(PROMOTE_BATCH), Integer.toString(WAKE_TOKEN_CAP))));
  }

  /**
   * Moves up to {@code max} jobs parked under {@code types} (the types this node runs) back to
   * their priority lists; returns how many moved. See {@code unpark.lua}.
   */
  public long unpark(Collection<String> types, int max) {
    if (types.isEmpty()) {
      return 0;
    }
    List<String> scriptKeys = new ArrayList<>(keys.queues());
    scriptKeys.add(keys.wake());
    types.forEach(type -> scriptKeys.add(keys.parked(type)));
    return RedisReplies.number(
        unpark.run(
            redis, scriptKeys, List.of(Integer.toString(max), Integer.toString(WAKE_TOKEN_CAP))));
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
    return RedisReplies.number(restore.run(redis, scriptKeys, args));
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
}
