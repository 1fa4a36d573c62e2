package io.taskqueue.example.orders.entity;

/** The payload of a refund's jobs: which order. */
public record OrderRef(long orderId) {}
