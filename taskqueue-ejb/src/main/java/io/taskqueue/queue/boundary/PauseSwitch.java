package io.taskqueue.queue.boundary;

import io.taskqueue.job.entity.Priority;
import io.taskqueue.store.control.LuaScript;
import io.taskqueue.store.control.RedisKeys;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redis's copy of the paused priorities: the set {@code claim.lua} skips. PostgreSQL holds the
 * truth ({@link QueuePauses}); this only applies it.
 */
public class PauseSwitch {

  private final UnifiedJedis redis;
  private final RedisKeys keys;
  private final LuaScript resume = LuaScript.fromResource("resume");

  public PauseSwitch(UnifiedJedis redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
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
        List.of(Integer.toString(DispatchQueue.WAKE_TOKEN_CAP)));
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
}
