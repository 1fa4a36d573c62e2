package io.taskqueue.api.control;

import io.taskqueue.api.entity.Problem;
import jakarta.resource.ResourceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Tells a temporary outage of PostgreSQL or Redis from a bug, so that the first is answered 503
 * with {@code Retry-After} (clients and load balancers retry it) and only the second 500 (which
 * pages someone). The telling cause is usually deep: the engine wraps JDBC failures in {@code
 * IllegalStateException}, JPA in {@code PersistenceException}, and EJB, JTA and CDI add their own
 * layers ({@code EJBException}, {@code TransactionalException}, {@code RollbackException}), so the
 * whole cause chain is read.
 */
public final class TemporaryOutages {

  /** Seconds a client is asked to wait: about what a PostgreSQL restart or Redis failover takes. */
  public static final int RETRY_AFTER_SECONDS = 5;

  /** Payara's pool failing to hand out a connection; its classes are not on our compile path. */
  private static final Set<String> POOL_FAILURES =
      Set.of(
          "com.sun.appserv.connectors.internal.api.PoolingException",
          "com.sun.enterprise.resource.pool.PoolingException");

  private static final Set<String> BUSY_STATES = Set.of("55P03", "57014", "40001", "40P01");

  /** JPA's words for a row lock it could not have in time; they carry no SQLSTATE of their own. */
  private static final Set<String> LOCK_FAILURES =
      Set.of(
          "jakarta.persistence.PessimisticLockException",
          "jakarta.persistence.LockTimeoutException");

  private TemporaryOutages() {}

  /** True when {@code error}, or anything that caused it, says a backing store is unreachable. */
  public static boolean isTemporary(Throwable error) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
      if (telling(t)) {
        return true;
      }
    }
    return false;
  }

  /** The 503 problem answer, with {@code Retry-After}. */
  public static Response response() {
    return Response.fromResponse(problem().toResponse())
        .header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS))
        .build();
  }

  public static Problem problem() {
    return new Problem(
        "urn:taskqueue:problem:service-unavailable",
        "Service unavailable",
        503,
        "The job store (PostgreSQL) or the broker (Redis) is unreachable or busy for the moment;"
            + " nothing was changed. Retry in "
            + RETRY_AFTER_SECONDS
            + " seconds.");
  }

  private static boolean telling(Throwable t) {
    if (t instanceof JedisConnectionException || t instanceof JedisClusterOperationException) {
      return true;
    }
    if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
      return true;
    }
    if (t instanceof SQLException sql
        && (temporaryState(sql.getSQLState()) || poolMessage(sql.getMessage()))) {
      return true;
    }
    return t instanceof ResourceException
        || POOL_FAILURES.contains(t.getClass().getName())
        || LOCK_FAILURES.contains(t.getClass().getName());
  }

  /** Payara's pool says so in words when it has no connection to give (with no SQLSTATE). */
  private static boolean poolMessage(String message) {
    return message != null && message.startsWith("Error in allocating a connection");
  }

  /**
   * SQLSTATE classes of a server that is unreachable or not serving now: 08 connection exception,
   * 57P01 to 57P03 (shut down by an administrator, crash shutdown, cannot connect now), 53
   * insufficient resources (too many connections, out of memory or disk); and of a wait that the
   * bounded timeouts cut short or a conflict to retry: 55P03 lock not available (lock_timeout),
   * 57014 query cancelled (statement_timeout), 40001 serialization failure, 40P01 deadlock.
   */
  static boolean temporaryState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.startsWith("57P0")
            || state.startsWith("53")
            || BUSY_STATES.contains(state));
  }
}
