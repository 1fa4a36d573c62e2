package io.taskqueue.example.orders.control;

import io.taskqueue.JobContext;
import io.taskqueue.NonRetryableException;
import io.taskqueue.TypedJobHandler;
import io.taskqueue.example.orders.entity.OrderRef;
import io.taskqueue.example.orders.entity.ShopOrder;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The first job of a refund's workflow: stands in for paying the money back, and records the refund
 * on the order (once, however often it runs).
 */
@Stateless
public class RefundPayment implements TypedJobHandler<OrderRef> {

  public static final String TYPE = "order.refund";

  @PersistenceContext(unitName = "shop")
  EntityManager em;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Object handle(OrderRef ref, JobContext context) throws NonRetryableException {
    ShopOrder order = em.find(ShopOrder.class, ref.orderId(), LockModeType.PESSIMISTIC_WRITE);
    if (order == null) {
      throw new NonRetryableException("order " + ref.orderId() + " does not exist");
    }
    order.refunded(OffsetDateTime.now(ZoneOffset.UTC));
    return Map.of("refunded", order.getTotal());
  }
}
