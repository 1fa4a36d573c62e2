package io.taskqueue.store.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
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
}
