package io.taskqueue.outcome.boundary;

import io.taskqueue.configuration.control.TaskqueueDatabase;
import io.taskqueue.outcome.control.OutcomeObservers;
import io.taskqueue.outcome.control.OutcomeSql;
import io.taskqueue.outcome.entity.ObserverFailedException;
import io.taskqueue.outcome.entity.RecordedOutcome;
import io.taskqueue.store.control.Jdbc;
import io.taskqueue.worker.control.NodeIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Delivers recorded job outcomes to the application's observers, each in a transaction of its own
 * that also removes it from the outbox: an observer's writes through taskqueue's datasource commit
 * with the delivery, and a node that dies mid-delivery leaves the outcome for the next one. A
 * delivery whose observer throws is rolled back and tried again after 1, 2, 4, … seconds, ten times
 * at most.
 *
 * <p>A session bean, not a CDI bean with {@code @Transactional}: called from a background duty's
 * thread, only an EJB invocation makes the container enlist the connections opened inside it (the
 * engine's and the observers') in the transaction; without one each statement commits on its own.
 */
@Stateless
public class OutcomeDelivery {

  static final int MAX_FAILURES = 10;

  private static final Logger LOG = Logger.getLogger(OutcomeDelivery.class.getName());

  @Inject @TaskqueueDatabase DataSource dataSource;
  @Inject OutcomeObservers observers;
  @Inject NodeIdentity node;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "taskqueue.listeners.keep-hours", defaultValue = "24")
  long keepHours;

  private Counter delivered;
  private Counter failed;

  @PostConstruct
  void registerMetrics() {
    delivered = metrics.counter("taskqueue.outcomes.delivered");
    failed = metrics.counter("taskqueue.outcomes.failed");
  }

  /** Whether this deployment has observers of outcomes. */
  public boolean listening() {
    return observers.any();
  }

  /** Has outcomes kept for this node's observers for the next {@code keep-hours}. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void register() {
    sql(
        c -> {
          OutcomeSql.register(c, node.nodeId(), keep());
          return null;
        });
  }

  /** Up to {@code limit} outcomes due for delivery, oldest first. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<Long> due(int limit) {
    return sql(c -> OutcomeSql.due(c, limit));
  }

  /**
   * Delivers one outcome to every observer of its type and removes it, in one transaction; false
   * when it was delivered already or another node has it now.
   *
   * @throws ObserverFailedException when an observer threw: the delivery is rolled back
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean deliver(long id) {
    Optional<RecordedOutcome> outcome = sql(c -> OutcomeSql.lock(c, id));
    if (outcome.isEmpty()) {
      return false;
    }
    try {
      observers.notify(outcome.get().event());
    } catch (RuntimeException e) {
      throw new ObserverFailedException(id, e);
    }
    sql(
        c -> {
          OutcomeSql.delete(c, id);
          return null;
        });
    delivered.inc();
    return true;
  }

  /** Holds a delivery that failed back, or drops it (logged) after its last try. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void postpone(long id, RuntimeException why) {
    failed.inc();
    int failures =
        sql(
            c -> {
              int sofar = OutcomeSql.postpone(c, id);
              if (sofar >= MAX_FAILURES) {
                OutcomeSql.delete(c, id);
              }
              return sofar;
            });
    if (failures >= MAX_FAILURES) {
      LOG.log(
          Level.SEVERE,
          "an observer failed outcome " + id + " " + failures + " times; it is dropped",
          why);
    } else {
      LOG.log(
          Level.WARNING, "an observer failed outcome " + id + "; it is delivered again later", why);
    }
  }

  /** Removes outcomes nobody observed within {@code keep-hours}, and registrations run out. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int prune() {
    return sql(c -> OutcomeSql.prune(c, keep()));
  }

  private Duration keep() {
    return Duration.ofHours(keepHours);
  }

  private <T> T sql(Jdbc.Work<T> work) {
    return Jdbc.on(dataSource, "deliver job outcomes", work);
  }
}
