package io.taskqueue.example.orders.entity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An order with its confirmation job's state, as the shop's API shows it. */
public record OrderView(
    long id,
    String email,
    BigDecimal total,
    UUID confirmationJob,
    String jobState,
    int jobAttempts,
    String jobError,
    int confirmationsSent,
    String confirmedTo,
    BigDecimal confirmedTotal,
    long loyaltyPoints,
    OffsetDateTime confirmationFailedAt,
    OffsetDateTime refundedAt,
    OffsetDateTime refundNoticeAt) {}
