package io.taskqueue.retention.entity;

import java.util.Map;

/**
 * What one round removed.
 *
 * @param removed rows removed per kind: {@code completed}, {@code dead}, {@code cancelled} (jobs,
 *     with their attempts, logs and dependency rows), {@code idempotencyKeys}, {@code auditEntries}
 * @param durationMs how long the round took, pauses included
 * @param complete false when it stopped at its time budget with more to remove (the next round goes
 *     on), or because another node held the turn
 * @param turnTaken false when another node was pruning and this one removed nothing
 */
public record PruneReport(
    Map<String, Long> removed, long durationMs, boolean complete, boolean turnTaken) {

  public static final String IDEMPOTENCY_KEYS = "idempotencyKeys";
  public static final String AUDIT_ENTRIES = "auditEntries";

  public PruneReport {
    removed = Map.copyOf(removed);
  }

  /** A round that found another node pruning. */
  public static PruneReport skipped() {
    return new PruneReport(Map.of(), 0, false, false);
  }

  public long total() {
    return removed.values().stream().mapToLong(Long::longValue).sum();
  }

  public long removed(String kind) {
    return removed.getOrDefault(kind, 0L);
  }
}
