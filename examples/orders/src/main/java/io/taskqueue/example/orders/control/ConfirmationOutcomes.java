package io.taskqueue.example.orders.control;

import io.taskqueue.JobDead;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Hears when an order's confirmation is given up on (its job is dead) and flags the order for
 * customer service. taskqueue delivers the event in a transaction of its own, which this update
 * joins: the flag is written exactly once per outcome, even when the node dies while it is written.
 * A session bean, as the shop's handler is, so that it runs in the shop module's context in an EAR.
 */
@Stateless
public class ConfirmationOutcomes {

  @PersistenceContext(unitName = "shop")
  EntityManager em;

  public void givenUp(@Observes JobDead dead) {
    if (!dead.type().equals(SendOrderConfirmation.TYPE)) {
      return;
    }
    em.createQuery(
            "UPDATE ShopOrder o SET o.confirmationFailedAt = :at"
                + " WHERE o.confirmationJob = :job AND o.confirmationFailedAt IS NULL")
        .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC))
        .setParameter("job", dead.jobId())
        .executeUpdate();
  }
}
