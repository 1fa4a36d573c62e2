package io.taskqueue.progress.entity;

import java.util.List;
import java.util.Map;

/**
 * What a flush writes: the latest progress of each attempt that reported since the last flush, the
 * lines each attempt logged since (in order), and per attempt how many lines the buffer itself had
 * to drop (it was full, or the attempt held more than its share).
 */
public record PendingTelemetry(
    List<ProgressReport> progress,
    Map<AttemptId, List<LogLine>> lines,
    Map<AttemptId, Integer> dropped) {

  public boolean isEmpty() {
    return progress.isEmpty() && lines.isEmpty() && dropped.isEmpty();
  }
}
