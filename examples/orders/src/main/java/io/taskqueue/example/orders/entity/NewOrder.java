package io.taskqueue.example.orders.entity;

import java.math.BigDecimal;

/**
 * An order as a client places it. {@code points} above 0 also credits loyalty points in the other
 * database; {@code failAfterSaving} makes the shop fail after saving everything (to show that
 * nothing of it stays).
 */
public record NewOrder(String email, BigDecimal total, int points, boolean failAfterSaving) {}
