package io.taskqueue.example.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An order of the shop, in the shop's own table. It lives in the same database as taskqueue's jobs
 * (through the same datasource), so that the order and its confirmation job commit together.
 */
@Entity
@Table(name = "shop_orders")
public class ShopOrder {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String email;
  private BigDecimal total;

  @Column(name = "confirmation_job")
  private UUID confirmationJob;

  /** How often the confirmation was sent: the handler should make it exactly once. */
  @Column(name = "confirmations_sent")
  private int confirmationsSent;

  @Column(name = "confirmed_to")
  private String confirmedTo;

  @Column(name = "confirmed_total")
  private BigDecimal confirmedTotal;

  @Column(name = "confirmed_at")
  private OffsetDateTime confirmedAt;

  /** When the shop heard that its confirmation was given up on (the job is dead). */
  @Column(name = "confirmation_failed_at")
  private OffsetDateTime confirmationFailedAt;

  @Column(name = "refunded_at")
  private OffsetDateTime refundedAt;

  @Column(name = "refund_notice_at")
  private OffsetDateTime refundNoticeAt;

  protected ShopOrder() {}

  public ShopOrder(String email, BigDecimal total) {
    this.email = email;
    this.total = total;
  }

  /** Records one confirmation, as the handler sent it. */
  public void confirmed(String to, BigDecimal confirmedTotal, OffsetDateTime at) {
    this.confirmationsSent++;
    this.confirmedTo = to;
    this.confirmedTotal = confirmedTotal;
    this.confirmedAt = at;
  }

  /** Records the refund once, however often its job runs. */
  public void refunded(OffsetDateTime at) {
    if (refundedAt == null) {
      refundedAt = at;
    }
  }

  /** Records the refund's notice once; it is sent only after the refund. */
  public void refundNoticeSent(OffsetDateTime at) {
    if (refundNoticeAt == null) {
      refundNoticeAt = at;
    }
  }

  public OffsetDateTime getConfirmationFailedAt() {
    return confirmationFailedAt;
  }

  public OffsetDateTime getRefundedAt() {
    return refundedAt;
  }

  public OffsetDateTime getRefundNoticeAt() {
    return refundNoticeAt;
  }

  public void setConfirmationJob(UUID job) {
    this.confirmationJob = job;
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public UUID getConfirmationJob() {
    return confirmationJob;
  }

  public int getConfirmationsSent() {
    return confirmationsSent;
  }

  public String getConfirmedTo() {
    return confirmedTo;
  }

  public BigDecimal getConfirmedTotal() {
    return confirmedTotal;
  }

  public OffsetDateTime getConfirmedAt() {
    return confirmedAt;
  }
}
