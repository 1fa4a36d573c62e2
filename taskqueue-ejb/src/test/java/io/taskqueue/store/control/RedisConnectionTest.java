package io.taskqueue.store.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Connection;

class RedisConnectionTest {

  @Test
  void idleConnectionsAreTestedByARunningEvictorSoADeadOneNeverReachesACaller() {
    GenericObjectPoolConfig<Connection> pool = RedisConnection.poolConfig(4);

    assertTrue(pool.getTestWhileIdle());
    Duration every = pool.getDurationBetweenEvictionRuns();
    assertTrue(
        !every.isNegative() && !every.isZero() && every.toSeconds() <= 10,
        "testWhileIdle does nothing unless the evictor runs; it runs every " + every);
    assertTrue(pool.getNumTestsPerEvictionRun() < 0, "every idle connection, each run");
  }
}
