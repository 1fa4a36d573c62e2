package io.taskqueue.lease.boundary;

import io.taskqueue.queue.entity.Claim;
import io.taskqueue.store.control.RedisKeys;
import java.time.Duration;
import java.util.UUID;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Cancel signals: how a user's cancel reaches the node that runs the attempt. Each signal names the
 * attempt's lease, so that it can never stop a later attempt of the same job, and expires by
 * itself.
 */
public class CancelSignals {

  private final UnifiedJedis redis;
  private final RedisKeys keys;

  public CancelSignals(UnifiedJedis redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
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
}
