package io.taskqueue.example.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Points credited for an order, in another database (the loyalty system's): it joins the order's
 * transaction through an XA datasource.
 */
@Entity
@Table(name = "loyalty_points")
public class LoyaltyPoints {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String email;

  @Column(name = "order_id")
  private long orderId;

  private int points;

  protected LoyaltyPoints() {}

  public LoyaltyPoints(String email, long orderId, int points) {
    this.email = email;
    this.orderId = orderId;
    this.points = points;
  }

  public long getOrderId() {
    return orderId;
  }

  public int getPoints() {
    return points;
  }
}
