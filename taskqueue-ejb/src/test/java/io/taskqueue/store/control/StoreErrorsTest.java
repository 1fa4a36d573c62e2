package io.taskqueue.store.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

class StoreErrorsTest {

  @Test
  void theStoreIsToldByTheCauseChain() {
    assertEquals("redis", StoreErrors.storeOf(new JedisConnectionException("refused")));
    assertEquals(
        "redis",
        StoreErrors.storeOf(new IllegalStateException(new JedisConnectionException("refused"))));
    assertEquals("postgres", StoreErrors.storeOf(new PersistenceException("down")));
    assertEquals("postgres", StoreErrors.storeOf(new RuntimeException(new SQLException("08006"))));
    assertEquals("other", StoreErrors.storeOf(new IllegalArgumentException("bug")));
  }

  @Test
  void redisErrorsAreCountedForReconciliation() {
    StoreErrors errors = new StoreErrors();
    errors.registry = mock(MetricRegistry.class, RETURNS_DEEP_STUBS);
    errors.record(new JedisConnectionException("refused"));
    errors.record(new PersistenceException("down"));
    errors.record(new IllegalStateException(new JedisConnectionException("reset")));
    assertEquals(2, errors.redisErrors());
  }
}
