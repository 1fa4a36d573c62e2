package io.taskqueue.example.orders.entity;

import java.math.BigDecimal;

/** The confirmation job's payload: JSON-B maps it to and from the job's JSON. */
public record OrderConfirmation(long orderId, String email, BigDecimal total) {}
