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

  public DispatchQueue(UnifiedJedis redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  /** Appends the jobs to the tails of their priority lists in one round trip. */
  public void enqueue(Collection<QueuedJob> jobs) {
    if (jobs.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>(1 + 2 * jobs.size());
    args.add(Integer.toString(WAKE_TOKEN_CAP));
    for (QueuedJob job : jobs) {
      args.add(Integer.toString(job.priority().ordinal() + 1));
      args.add(job.jobId().toString());
    }
    List<String> scriptKeys = new ArrayList<>(keys.queues());
    scriptKeys.add(keys.wake());
    enqueue.run(redis, scriptKeys, args);
  }

  /**
   * Leases the next job to {@code workerId}, or returns empty when no job waits.
   *
   * @param wokenByToken whether the caller just consumed a wake token (see {@link #awaitWork})
   */
  public Optional<Claim> claim(String workerId, Duration lease, boolean wokenByToken) {
    List<String> scriptKeys = new ArrayList<>(keys.queues());
    scriptKeys.addAll(List.of(keys.inflight(), keys.lease(), keys.leaseSequence(), keys.wake()));
    Object reply =
        claim.run(
            redis,
            scriptKeys,
            List.of(Long.toString(lease.toMillis()), workerId, wokenByToken ? "0" : "1"));
    if (!(reply instanceof List<?> fields)) {
      return Optional.empty();
    }
    return Optional.of(
        new Claim(
            UUID.fromString(text(fields.get(0))),
            Priority.values()[(int) number(fields.get(1)) - 1],
            number(fields.get(2)),
            number(fields.get(3))));
  }

  /** Ends the claim's lease; false when the lease was no longer the claim's. */
  public boolean ack(Claim held) {
    Object reply =
        ack.run(
            redis,
            List.of(keys.inflight(), keys.lease()),
            List.of(held.jobId().toString(), Long.toString(held.leaseId())));
    return number(reply) == 1;
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
    scriptKeys.add(keys.wake());
    return number(
        promoteDue.run(
            redis,
            scriptKeys,
            List.of(Integer.toString(PROMOTE_BATCH), Integer.toString(WAKE_TOKEN_CAP))));
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

  private static String text(Object value) {
    return value instanceof byte[] bytes ? new String(bytes) : String.valueOf(value);
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : Long.parseLong(text(value));
  }
}
