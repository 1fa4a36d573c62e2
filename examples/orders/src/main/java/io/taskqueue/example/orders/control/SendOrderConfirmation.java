package io.taskqueue.example.orders.control;

import io.taskqueue.JobContext;
import io.taskqueue.JobDefaults;
import io.taskqueue.NonRetryableException;
import io.taskqueue.Priority;
import io.taskqueue.TypedJobHandler;
import io.taskqueue.example.orders.entity.OrderConfirmation;
import io.taskqueue.example.orders.entity.ShopOrder;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Sends an order's confirmation: the shop's own handler, a CDI bean in the shop's own module.
 *
 * <p>A stateless session bean, like a message-driven bean: every call runs in the shop module's own
 * context (its persistence unit, its JNDI names) and in a transaction of its own, even when the
 * engine calls it from its own module of an EAR. It stands in for sending an email: it records the
 * confirmation on the order instead. The order is locked, and a confirmation already recorded is
 * not sent again, so a job that runs twice (after a crash) confirms once. Orders for addresses at
 * {@code unreachable.example} fail, to show retries and the dead-letter list.
 */
@Stateless
public class SendOrderConfirmation implements TypedJobHandler<OrderConfirmation> {

  public static final String TYPE = "order.confirmation";

  @PersistenceContext(unitName = "shop")
  EntityManager em;

  @Override
  public String type() {
    return TYPE;
  }

  /** A customer waits for the confirmation: high priority; three tries, then it is dead. */
  @Override
  public JobDefaults defaults() {
    return JobDefaults.none().priority(Priority.HIGH).maxAttempts(3);
  }

  @Override
  public Object handle(OrderConfirmation confirmation, JobContext context)
      throws NonRetryableException {
    int attempt = context.attempt();
    ShopOrder order =
        em.find(ShopOrder.class, confirmation.orderId(), LockModeType.PESSIMISTIC_WRITE);
    if (order == null) {
      throw new NonRetryableException("order " + confirmation.orderId() + " does not exist");
    }
    if (confirmation.email().endsWith("unreachable.example")) {
      throw new IllegalStateException(
          "mail server for " + confirmation.email() + " refused the confirmation");
    }
    if (order.getConfirmationsSent() == 0) {
      order.confirmed(
          confirmation.email(), confirmation.total(), OffsetDateTime.now(ZoneOffset.UTC));
    }
    return Map.of("sentTo", confirmation.email(), "attempt", attempt);
  }
}
