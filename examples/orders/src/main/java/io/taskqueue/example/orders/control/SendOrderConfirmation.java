package io.taskqueue.example.orders.control;

import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import io.taskqueue.NonRetryableException;
import io.taskqueue.example.orders.entity.OrderConfirmation;
import io.taskqueue.example.orders.entity.ShopOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Sends an order's confirmation: the shop's own handler, a CDI bean in the shop's own module.
 *
 * <p>It stands in for sending an email: it records the confirmation on the order instead. Its
 * transaction is its own ({@code @Transactional}); the order is locked, and a confirmation already
 * recorded is not sent again, so a job that runs twice (after a crash) confirms once. Orders for at
 * {@code unreachable.example} fail, to show retries and the dead-letter list.
 */
@ApplicationScoped
public class SendOrderConfirmation implements JobHandler {

  public static final String TYPE = "order.confirmation";

  @PersistenceContext(unitName = "shop")
  EntityManager em;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  @Transactional
  public Object handle(JobContext context) throws NonRetryableException {
    OrderConfirmation confirmation = context.payload(OrderConfirmation.class);
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
    return Map.of("sentTo", confirmation.email(), "attempt", context.attempt());
  }
}
