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
 * The second job of a refund's workflow: tells the customer, which the workflow runs only after the
 * refund completed. It refuses to run for an order not refunded, which the workflow never lets
 * happen.
 */
@Stateless
public class SendRefundNotice implements TypedJobHandler<OrderRef> {

  public static final String TYPE = "order.refund-notice";

  @PersistenceContext(unitName = "shop")
  EntityManager em;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Object handle(OrderRef ref, JobContext context) throws NonRetryableException {
    ShopOrder order = em.find(ShopOrder.class, ref.orderId(), LockModeType.PESSIMISTIC_WRITE);
    if (order == null || order.getRefundedAt() == null) {
      throw new NonRetryableException("order " + ref.orderId() + " was not refunded");
    }
    order.refundNoticeSent(OffsetDateTime.now(ZoneOffset.UTC));
    return Map.of("sentTo", order.getEmail());
  }
}
