package io.taskqueue.lease.control;

import io.taskqueue.lease.boundary.CancelSignals;
import io.taskqueue.lease.boundary.Leases;
import io.taskqueue.store.control.RedisKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import redis.clients.jedis.RedisClient;

/** Leases and cancel signals, on the application's one Redis client. */
@ApplicationScoped
public class LeaseRedis {

  @Produces
  @Singleton
  Leases leases(RedisClient client, RedisKeys keys) {
    return new Leases(client, keys);
  }

  @Produces
  @Singleton
  CancelSignals cancelSignals(RedisClient client, RedisKeys keys) {
    return new CancelSignals(client, keys);
  }
}
