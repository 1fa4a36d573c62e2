package io.taskqueue.example.orders.boundary;

import io.taskqueue.JobInfo;
import io.taskqueue.JobRequest;
import io.taskqueue.SubmittedWorkflow;
import io.taskqueue.TaskQueue;
import io.taskqueue.Workflow;
import io.taskqueue.example.orders.control.OrderFailed;
import io.taskqueue.example.orders.control.RefundPayment;
import io.taskqueue.example.orders.control.SendOrderConfirmation;
import io.taskqueue.example.orders.control.SendRefundNotice;
import io.taskqueue.example.orders.entity.LoyaltyPoints;
import io.taskqueue.example.orders.entity.NewOrder;
import io.taskqueue.example.orders.entity.OrderConfirmation;
import io.taskqueue.example.orders.entity.OrderRef;
import io.taskqueue.example.orders.entity.OrderView;
import io.taskqueue.example.orders.entity.ShopOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * Places orders. One JTA transaction stores the order, credits loyalty points in the other database
 * and submits the confirmation job: all of it commits, or none of it does.
 */
@ApplicationScoped
public class Shop {

  @PersistenceContext(unitName = "shop")
  EntityManager orders;

  @PersistenceContext(unitName = "loyalty")
  EntityManager loyalty;

  @Inject TaskQueue tasks;

  @Transactional
  public long place(NewOrder request) {
    ShopOrder order = new ShopOrder(request.email(), request.total());
    orders.persist(order);
    orders.flush(); // the order's id, for the job's payload
    if (request.points() > 0) {
      loyalty.persist(new LoyaltyPoints(request.email(), order.getId(), request.points()));
    }
    UUID job =
        tasks.submit(
            JobRequest.of(
                    SendOrderConfirmation.TYPE,
                    new OrderConfirmation(order.getId(), request.email(), request.total()))
                // priority and attempts: the handler's defaults (SendOrderConfirmation)
                .idempotencyKey("order-" + order.getId() + "-confirmation"));
    order.setConfirmationJob(job);
    if (request.failAfterSaving()) {
      throw new OrderFailed(order.getId(), job);
    }
    return order.getId();
  }

  /**
   * Refunds an order: a workflow of two jobs, the refund and then its notice to the customer, which
   * runs only once the refund has completed. Empty when there is no such order.
   */
  @Transactional
  public Optional<SubmittedWorkflow> refund(long id) {
    if (orders.find(ShopOrder.class, id) == null) {
      return Optional.empty();
    }
    OrderRef order = new OrderRef(id);
    return Optional.of(
        tasks.submitWorkflow(
            Workflow.of()
                .job("refund", JobRequest.of(RefundPayment.TYPE, order))
                .job("notice", JobRequest.of(SendRefundNotice.TYPE, order), "refund")));
  }

  @Transactional
  public Optional<OrderView> find(long id) {
    ShopOrder order = orders.find(ShopOrder.class, id);
    if (order == null) {
      return Optional.empty();
    }
    Optional<JobInfo> job = tasks.get(order.getConfirmationJob());
    long points =
        loyalty
            .createQuery(
                "SELECT COALESCE(SUM(p.points), 0) FROM LoyaltyPoints p WHERE p.orderId = :id",
                Long.class)
            .setParameter("id", id)
            .getSingleResult();
    return Optional.of(
        new OrderView(
            order.getId(),
            order.getEmail(),
            order.getTotal(),
            order.getConfirmationJob(),
            job.map(j -> j.state().name().toLowerCase()).orElse(null),
            job.map(JobInfo::attempt).orElse(0),
            job.map(JobInfo::lastError).orElse(null),
            order.getConfirmationsSent(),
            order.getConfirmedTo(),
            order.getConfirmedTotal(),
            points,
            order.getConfirmationFailedAt(),
            order.getRefundedAt(),
            order.getRefundNoticeAt()));
  }

  /**
   * How many orders and loyalty rows exist for {@code email}: what a rollback must leave at 0.
   *
   * @throws IllegalArgumentException when {@code email} is not an address
   */
  @Transactional
  public long[] countFor(String email) {
    if (!email.contains("@")) {
      throw new IllegalArgumentException("Not an email address: " + email);
    }
    long orderCount =
        orders
            .createQuery("SELECT COUNT(o) FROM ShopOrder o WHERE o.email = :e", Long.class)
            .setParameter("e", email)
            .getSingleResult();
    long pointRows =
        loyalty
            .createQuery("SELECT COUNT(p) FROM LoyaltyPoints p WHERE p.email = :e", Long.class)
            .setParameter("e", email)
            .getSingleResult();
    return new long[] {orderCount, pointRows};
  }
}
