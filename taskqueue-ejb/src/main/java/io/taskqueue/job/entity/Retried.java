package io.taskqueue.job.entity;

import java.util.List;
import java.util.UUID;

/**
 * What an operator's retry did: whether the job was queued again, and which jobs its failure had
 * cancelled now wait for it again (empty unless asked for, with its dependents).
 */
public record Retried(boolean queued, List<UUID> waitingAgain) {

  public static final Retried REFUSED = new Retried(false, List.of());
}
