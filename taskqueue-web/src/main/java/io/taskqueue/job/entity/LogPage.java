package io.taskqueue.job.entity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A job's log lines, oldest first, after a line number; {@code next} is the number to ask after for
 * more (null when these were the last stored so far); {@code dropped} counts the lines the handler
 * wrote beyond the job's limit.
 */
public record LogPage(List<LogLineView> lines, Integer next, int dropped) {

  /** One line: its number within the job, the attempt that wrote it, when, how much it matters. */
  public record LogLineView(
      int seq, int attempt, OffsetDateTime at, String level, String message) {}
}
