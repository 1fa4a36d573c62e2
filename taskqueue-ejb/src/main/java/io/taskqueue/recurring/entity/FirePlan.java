package io.taskqueue.recurring.entity;

import java.time.Instant;
import java.util.List;

/**
 * What one round does with a due schedule: submit a job for each of {@code fireTimes} (oldest
 * first), drop {@code missed} fire times by the misfire policy, and wait for {@code next} (null
 * when the expression never fires again).
 */
public record FirePlan(List<Instant> fireTimes, long missed, Instant next) {}
