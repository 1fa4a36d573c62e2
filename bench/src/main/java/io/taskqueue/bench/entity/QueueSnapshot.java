package io.taskqueue.bench.entity;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/queues}: Redis queue depths per priority and exact job counts per status.
 *
 * @param waiting jobs in Redis ready to be claimed, per priority
 * @param statuses jobs per status, from PostgreSQL
 * @param paused the priorities whose queue is paused
 */
public record QueueSnapshot(
    Map<String, Long> waiting, Map<String, Long> statuses, List<String> paused) {

  public long completed() {
    return statuses.getOrDefault("completed", 0L);
  }

  public long waiting(String priority) {
    return waiting.getOrDefault(priority, 0L);
  }

  /** Jobs that will still run: what an earlier run left behind. */
  public long unfinished() {
    return statuses.getOrDefault("queued", 0L)
        + statuses.getOrDefault("running", 0L)
        + statuses.getOrDefault("retrying", 0L);
  }
}
