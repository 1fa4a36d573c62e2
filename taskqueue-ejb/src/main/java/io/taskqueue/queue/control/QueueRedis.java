package io.taskqueue.queue.control;

import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.boundary.PauseSwitch;
import io.taskqueue.queue.boundary.SweepMarks;
import io.taskqueue.store.control.RedisKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import redis.clients.jedis.RedisClient;

/**
 * The dispatch queue, the pause switch and the sweep marks, on the application's one Redis client.
 */
@ApplicationScoped
public class QueueRedis {

  @Produces
  @Singleton
  DispatchQueue dispatchQueue(RedisClient client, RedisKeys keys) {
    return new DispatchQueue(client, keys);
  }

  @Produces
  @Singleton
  SweepMarks sweepMarks(RedisClient client, RedisKeys keys) {
    return new SweepMarks(client, keys);
  }

  @Produces
  @Singleton
  PauseSwitch pauseSwitch(RedisClient client, RedisKeys keys) {
    return new PauseSwitch(client, keys);
  }
}
