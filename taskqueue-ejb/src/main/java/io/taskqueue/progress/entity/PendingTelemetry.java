package io.taskqueue.progress.entity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a flush writes: the latest progress of each attempt that reported since the last flush, the
 * lines logged since, and per job how many lines the buffer itself had to drop (it was full).
 */
public record PendingTelemetry(
    List<ProgressReport> progress, List<LogLine> lines, Map<UUID, Integer> dropped) {

  public boolean isEmpty() {
    return progress.isEmpty() && lines.isEmpty() && dropped.isEmpty();
  }
}
