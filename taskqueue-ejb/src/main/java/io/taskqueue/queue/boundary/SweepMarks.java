package io.taskqueue.queue.boundary;

import io.taskqueue.store.control.RedisKeys;
import java.time.Duration;
import java.time.Instant;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.SafeEncoder;

/**
 * What tells a node whether the Redis it talks to may have lost what was written to it, so that
 * reconciliation reads every unfinished job only then:
 *
 * <ul>
 *   <li>Redis's run id, new at every restart (a restart from the append-only file may have lost the
 *       last second of writes) and another server's after a failover (a replica may lag);
 *   <li>a mark each node leaves when it starts a full sweep, gone after a {@code FLUSHALL}, an
 *       eviction or a restart without persistence. It expires, so a node that is gone leaves no key
 *       behind; a node that is alive renews it at its periodic sweep, well before it expires.
 * </ul>
 */
public class SweepMarks {

  private final UnifiedJedis redis;
  private final RedisKeys keys;

  public SweepMarks(UnifiedJedis redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  /** {@code run_id} from {@code INFO server}. */
  public String runId() {
    String info = SafeEncoder.encode((byte[]) redis.sendCommand(Protocol.Command.INFO, "server"));
    return info.lines()
        .filter(line -> line.startsWith("run_id:"))
        .map(line -> line.substring("run_id:".length()).strip())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("INFO server has no run_id"));
  }

  public void mark(String nodeId, Duration expiresAfter) {
    redis.set(
        keys.sweptBy(nodeId),
        Instant.now().toString(),
        SetParams.setParams().px(expiresAfter.toMillis()));
  }

  public boolean marked(String nodeId) {
    return redis.exists(keys.sweptBy(nodeId));
  }
}
