package io.taskqueue.store.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Counts errors from the backing stores seen by workers and background tasks, as {@code
 * taskqueue_store_errors_total{store="redis"|"postgres"|"other"}}: the store is told by the
 * exception's cause chain.
 */
@ApplicationScoped
public class StoreErrors {

  /** The values of the {@code store} tag. */
  public static final List<String> STORES = List.of("redis", "postgres", "other");

  @Inject MetricRegistry registry;

  private final AtomicLong redisErrors = new AtomicLong();

  public void record(Throwable error) {
    String store = storeOf(error);
    if (store.equals("redis")) {
      redisErrors.incrementAndGet();
    }
    registry.counter("taskqueue.store.errors", new Tag("store", store)).inc();
  }

  /**
   * Redis errors recorded on this node since it started: a write that failed after its row was
   * committed may have left a job only in PostgreSQL, which reconciliation then looks for.
   */
  public long redisErrors() {
    return redisErrors.get();
  }

  static String storeOf(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JedisException) {
        return "redis";
      }
      if (t instanceof SQLException
          || t instanceof jakarta.persistence.PersistenceException
          || t.getClass().getName().startsWith("org.eclipse.persistence.exceptions")) {
        return "postgres";
      }
    }
    return "other";
  }
}
