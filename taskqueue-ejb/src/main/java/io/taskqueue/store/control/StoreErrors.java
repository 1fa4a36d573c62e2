package io.taskqueue.store.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
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

  public void record(Throwable error) {
    registry.counter("taskqueue.store.errors", new Tag("store", storeOf(error))).inc();
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
