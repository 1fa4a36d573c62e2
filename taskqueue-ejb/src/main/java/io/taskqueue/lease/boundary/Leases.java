package io.taskqueue.lease.boundary;

import io.taskqueue.job.entity.Priority;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.entity.Claim;
import io.taskqueue.store.control.LuaScript;
import io.taskqueue.store.control.RedisKeys;
import io.taskqueue.store.control.RedisReplies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis side of leases, once a claim has taken them (see {@code claim.lua}). Its duties:
 *
 * <ol>
 *   <li>extend the leases of running attempts (the heartbeat), reporting those that were lost;
 *   <li>find leases whose deadline passed;
 *   <li>end a lease whose attempt ended without an outcome and put its job back, at the head of its
 *       list or in its delayed set while it is not due;
 *   <li>tell which lease Redis holds for a job (reconciliation).
 * </ol>
 *
 * Every step is fenced by the lease id: only the holder of a lease can extend or end it.
 */
public class Leases {

  private final UnifiedJedis redis;
  private final RedisKeys keys;
  private final LuaScript extendLease = LuaScript.fromResource("extend_lease");
  private final LuaScript findExpired = LuaScript.fromResource("find_expired");
  private final LuaScript requeue = LuaScript.fromResource("requeue");
  private final LuaScript park = LuaScript.fromResource("park");

  public Leases(UnifiedJedis redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
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
    return lost.stream().map(id -> byId.get(RedisReplies.text(id))).toList();
  }

  /** Up to {@code max} leases whose deadline has passed, as the claims they were. */
  public List<Claim> findExpired(int max) {
    Object reply =
        findExpired.run(
            redis, List.of(keys.inflight(), keys.lease()), List.of(Integer.toString(max)));
    List<Claim> expired = new ArrayList<>();
    List<?> flat = (List<?>) reply;
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      String[] lease = RedisReplies.text(flat.get(i + 1)).split("\\|", 3);
      expired.add(
          new Claim(
              UUID.fromString(RedisReplies.text(flat.get(i))),
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
                Integer.toString(DispatchQueue.WAKE_TOKEN_CAP),
                Long.toString(dueMillis)));
    return RedisReplies.number(reply) == 1;
  }

  /**
   * Ends the lease of a job this node cannot run and parks the job under its {@code type}, for a
   * node that runs it ({@code park.lua}); false when the lease had changed meanwhile.
   */
  public boolean park(Claim held, String type) {
    Object reply =
        park.run(
            redis,
            List.of(keys.inflight(), keys.lease(), keys.queued(), keys.parked(type)),
            List.of(
                held.jobId().toString(),
                Long.toString(held.leaseId()),
                Integer.toString(held.priority().ordinal() + 1)));
    return RedisReplies.number(reply) == 1;
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
}
