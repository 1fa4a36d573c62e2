package io.taskqueue.store.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Builds the application's one Redis client from configuration, and its key names. One connection
 * is held by the claimer while it blocks in BLPOP for work; the rest serve short commands of the
 * workers, the API and the background duties, so the pool's size follows the worker count. Idle
 * connections are tested by an evictor, so a connection that died with a Redis restart is dropped
 * before a caller takes it.
 */
@ApplicationScoped
public class RedisConnection {

  @Inject
  @ConfigProperty(name = "taskqueue.redis.url", defaultValue = "redis://127.0.0.1:6379")
  String url;

  @Inject
  @ConfigProperty(name = "taskqueue.redis.prefix", defaultValue = "taskqueue")
  String prefix;

  @Inject
  @ConfigProperty(name = "taskqueue.workers")
  int workers;

  @Produces
  @Singleton
  RedisClient redisClient() {
    GenericObjectPoolConfig<Connection> pool = poolConfig(workers);
    URI uri = URI.create(url);
    return RedisClient.builder()
        .hostAndPort(JedisURIHelper.getHostAndPort(uri))
        .clientConfig(
            DefaultJedisClientConfig.builder()
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                // above the workers' BLPOP timeout, so a blocked worker is not cut off
                .socketTimeoutMillis(10_000)
                .connectionTimeoutMillis(2_000)
                .build())
        .poolConfig(pool)
        .build();
  }

  static GenericObjectPoolConfig<Connection> poolConfig(int workers) {
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(workers + 20);
    pool.setMaxIdle(workers + 20);
    pool.setMaxWait(Duration.ofSeconds(5));
    pool.setTestWhileIdle(true);
    // testWhileIdle acts only when the evictor runs; without it a dead connection fails a call.
    pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(5));
    pool.setNumTestsPerEvictionRun(-1);
    return pool;
  }

  void close(@Disposes RedisClient client) {
    client.close();
  }

  @Produces
  @Singleton
  RedisKeys redisKeys() {
    return new RedisKeys(prefix);
  }
}
