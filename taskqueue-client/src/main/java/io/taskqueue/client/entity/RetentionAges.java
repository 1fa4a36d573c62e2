package io.taskqueue.client.entity;

/** Ages in days; 0 keeps for ever. */
public record RetentionAges(
    Integer completedDays, Integer deadDays, Integer cancelledDays, Integer auditDays) {}
