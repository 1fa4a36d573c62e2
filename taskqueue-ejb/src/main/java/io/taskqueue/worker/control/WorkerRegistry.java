package io.taskqueue.worker.control;

import io.taskqueue.store.control.RedisKeys;
import io.taskqueue.worker.entity.NodeHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * The live nodes, in Redis. Each node's heartbeat is one key holding its {@link NodeHealth} as
 * JSON, expiring after the TTL; a sorted set of node ids scored by that expiry lets any node notice
 * one that stopped beating (the key alone would vanish silently).
 */
@ApplicationScoped
public class WorkerRegistry {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

  @Inject RedisClient redis;
  @Inject RedisKeys keys;

  public void beat(NodeHealth node, Duration ttl) {
    long expiresAt = node.heartbeatAt().toEpochMilli() + ttl.toMillis();
    try (AbstractPipeline pipeline = redis.pipelined()) {
      pipeline.set(
          keys.node(node.nodeId()), JSONB.toJson(node), SetParams.setParams().px(ttl.toMillis()));
      pipeline.zadd(keys.nodes(), expiresAt, node.nodeId());
      pipeline.sync();
    }
  }

  /** Removes a node that stops on purpose, so it disappears at once rather than after its TTL. */
  public void remove(String nodeId) {
    try (AbstractPipeline pipeline = redis.pipelined()) {
      pipeline.del(keys.node(nodeId));
      pipeline.zrem(keys.nodes(), nodeId);
      pipeline.sync();
    }
  }

  /**
   * Claims the nodes whose heartbeat expired before {@code nowMillis}: each is returned to exactly
   * one caller (ZREM answers 1 once), which then announces it gone.
   */
  public List<String> takeExpired(long nowMillis) {
    List<String> expired = new ArrayList<>();
    for (String nodeId : redis.zrangeByScore(keys.nodes(), 0, nowMillis)) {
      if (redis.zrem(keys.nodes(), nodeId) == 1) {
        expired.add(nodeId);
      }
    }
    return expired;
  }

  /** Every node with a live heartbeat, by id. */
  public List<NodeHealth> liveNodes() {
    List<String> ids = redis.zrange(keys.nodes(), 0, -1);
    if (ids.isEmpty()) {
      return List.of();
    }
    return redis.mget(ids.stream().map(keys::node).toArray(String[]::new)).stream()
        .filter(Objects::nonNull)
        .map(json -> JSONB.fromJson(json, NodeHealth.class))
        .sorted(Comparator.comparing(NodeHealth::nodeId))
        .toList();
  }
}
