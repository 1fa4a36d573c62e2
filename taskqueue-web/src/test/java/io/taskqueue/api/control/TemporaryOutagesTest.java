package io.taskqueue.api.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.api.entity.Problem;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

class TemporaryOutagesTest {

  @Test
  void aRefusedConnectionWrappedByTheEngineIsTemporary() {
    // What JobInserts throws while PostgreSQL restarts, as the EJB container hands it on.
    Exception e =
        new EJBException(
            new IllegalStateException(
                "Could not store 3 job(s)", new SQLException("Connection refused", "08001")));
    assertTrue(TemporaryOutages.isTemporary(e));
  }

  @Test
  void aServerShuttingDownUnderJpaIsTemporary() {
    Exception e =
        new TransactionalException(
            "rolled back",
            new PersistenceException(
                new SQLException("terminating connection due to administrator command", "57P01")));
    assertTrue(TemporaryOutages.isTemporary(e));
  }

  @Test
  void aServerThatCannotAcceptConnectionsNowIsTemporary() {
    assertTrue(
        TemporaryOutages.isTemporary(
            new PersistenceException(
                new SQLException("the database system is starting up", "57P03"))));
  }

  @Test
  void tooManyConnectionsIsTemporary() {
    assertTrue(
        TemporaryOutages.isTemporary(
            new PersistenceException(new SQLException("too many clients already", "53300"))));
  }

  @Test
  void transientAndRecoverableSqlExceptionsAreTemporary() {
    assertTrue(
        TemporaryOutages.isTemporary(
            new IllegalStateException(new SQLTransientConnectionException("timed out"))));
    assertTrue(
        TemporaryOutages.isTemporary(
            new IllegalStateException(new java.sql.SQLRecoverableException("reconnect"))));
  }

  @Test
  void thePoolFailingToAllocateAConnectionIsTemporary() {
    SQLException pool =
        new SQLException(
            "Error in allocating a connection. Cause: Connection could not be allocated");
    assertTrue(TemporaryOutages.isTemporary(new PersistenceException(pool)));
    SQLException withCause = new SQLException("allocation failed");
    withCause.initCause(new ResourceAllocationException("no connection"));
    assertTrue(TemporaryOutages.isTemporary(new EJBException(new PersistenceException(withCause))));
  }

  @Test
  void anUnreachableRedisIsTemporary() throws Exception {
    RollbackException rollback = new RollbackException("rolled back");
    rollback.initCause(new JedisConnectionException("Connection refused"));
    assertTrue(TemporaryOutages.isTemporary(new EJBException(rollback)));
    assertTrue(
        TemporaryOutages.isTemporary(
            new IllegalStateException(new JedisClusterOperationException("no reachable node"))));
  }

  @Test
  void aWaitCutShortByTheBoundedTimeoutsOrADeadlockIsTemporary() {
    assertTrue(
        TemporaryOutages.isTemporary(
            new IllegalStateException(new SQLException("lock timeout", "55P03"))));
    assertTrue(
        TemporaryOutages.isTemporary(
            new PersistenceException(new SQLException("cancel", "57014"))));
    assertTrue(TemporaryOutages.isTemporary(new SQLException("deadlock detected", "40P01")));
    assertTrue(
        TemporaryOutages.isTemporary(
            new jakarta.ejb.EJBTransactionRolledbackException(
                "rolled back", new jakarta.persistence.PessimisticLockException("row locked"))));
  }

  @Test
  void constraintViolationsAndBugsAreNotTemporary() {
    assertFalse(
        TemporaryOutages.isTemporary(
            new PersistenceException(new SQLException("duplicate key", "23505"))));
    assertFalse(
        TemporaryOutages.isTemporary(
            new PersistenceException(new SQLException("value too long", "22001"))));
    assertFalse(TemporaryOutages.isTemporary(new NullPointerException()));
    assertFalse(TemporaryOutages.isTemporary(new JedisDataException("WRONGTYPE")));
    assertFalse(TemporaryOutages.isTemporary(new SQLException("no state")));
  }

  @Test
  void aCauseChainWithACycleEnds() {
    Exception a = new IllegalStateException("a");
    Exception b = new IllegalStateException("b", a);
    a.initCause(b);
    assertFalse(TemporaryOutages.isTemporary(a));
  }

  @Test
  void theOutageProblemIs503AndSaysWhenToRetry() {
    Problem problem = TemporaryOutages.problem();
    assertEquals(503, problem.status());
    assertEquals("urn:taskqueue:problem:service-unavailable", problem.type());
    assertEquals("Service unavailable", problem.title());
    assertTrue(problem.detail().contains(TemporaryOutages.RETRY_AFTER_SECONDS + " seconds"));
  }
}
