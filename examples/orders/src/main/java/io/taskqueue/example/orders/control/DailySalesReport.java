package io.taskqueue.example.orders.control;

import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import io.taskqueue.Recurring;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;

/**
 * The shop's sales figure (how many orders it has), on a schedule declared right here: every
 * morning at six, Berlin time. taskqueue stores the schedule when the shop deploys; the time can be
 * changed from configuration ({@code shop.sales-report.cron}) without a rebuild.
 */
@Recurring(
    name = "shop-daily-sales",
    cron = "${shop.sales-report.cron:0 6 * * *}",
    zone = "Europe/Berlin",
    overlap = Recurring.Overlap.SKIP)
@Stateless
public class DailySalesReport implements JobHandler {

  public static final String TYPE = "shop.daily-sales";

  @PersistenceContext(unitName = "shop")
  EntityManager em;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Object handle(JobContext context) {
    long orders = em.createQuery("SELECT COUNT(o) FROM ShopOrder o", Long.class).getSingleResult();
    return Map.of("orders", orders);
  }
}
