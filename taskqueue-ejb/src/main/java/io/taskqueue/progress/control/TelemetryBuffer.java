package io.taskqueue.progress.control;

import io.taskqueue.LogLevel;
import io.taskqueue.job.control.StorableText;
import io.taskqueue.progress.entity.AttemptId;
import io.taskqueue.progress.entity.LogLine;
import io.taskqueue.progress.entity.PendingTelemetry;
import io.taskqueue.progress.entity.ProgressReport;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Holds what handlers reported until the next flush. Progress keeps only the latest report per
 * attempt, so a loop that reports a million times costs one write per flush; lines are kept up to
 * {@code maxPending} in all and counted as dropped beyond, so a handler logging in a tight loop
 * cannot exhaust memory. The room is shared fairly: when it is full, a line of an attempt that
 * holds fewer lines than the attempt holding the most takes the place of that one's newest line, so
 * one noisy job cannot push out every other job's lines. Texts are cut to their limits here, before
 * anything is stored.
 */
public final class TelemetryBuffer {

  public static final int MAX_PROGRESS_MESSAGE = 500;

  private final int maxPending;
  private final int maxLineChars;
  private Map<String, ProgressReport> progress = new LinkedHashMap<>();
  private Map<AttemptId, ArrayDeque<LogLine>> lines = new LinkedHashMap<>();
  private int held;
  private Map<AttemptId, Integer> dropped = new HashMap<>();

  public TelemetryBuffer(int maxPending, int maxLineChars) {
    this.maxPending = maxPending;
    this.maxLineChars = maxLineChars;
  }

  public synchronized void progress(
      UUID jobId, String type, int attempt, int percent, String message, Instant at) {
    int clamped = Math.max(0, Math.min(100, percent));
    progress.put(
        jobId + "/" + attempt,
        new ProgressReport(jobId, type, attempt, clamped, cut(message, MAX_PROGRESS_MESSAGE), at));
  }

  public synchronized void log(
      UUID jobId, int attempt, LogLevel level, String message, Instant at) {
    AttemptId id = new AttemptId(jobId, attempt);
    if (held >= maxPending && !makeRoomFor(id)) {
      dropped.merge(id, 1, Integer::sum);
      return;
    }
    String text = message == null ? "" : cut(message, maxLineChars);
    lines
        .computeIfAbsent(id, key -> new ArrayDeque<>())
        .add(new LogLine(jobId, 0, attempt, at, level == null ? LogLevel.INFO : level, text));
    held++;
  }

  /**
   * The buffer is full: drops the newest line of the attempt that holds the most, if it holds more
   * than one line beyond {@code id}'s, so that {@code id}'s line fits. Whether it made room.
   */
  private boolean makeRoomFor(AttemptId id) {
    ArrayDeque<LogLine> mine = lines.get(id);
    int have = mine == null ? 0 : mine.size();
    Map.Entry<AttemptId, ArrayDeque<LogLine>> largest = null;
    for (Map.Entry<AttemptId, ArrayDeque<LogLine>> e : lines.entrySet()) {
      if (largest == null || e.getValue().size() > largest.getValue().size()) {
        largest = e;
      }
    }
    if (largest == null || largest.getValue().size() <= have + 1) {
      return false;
    }
    largest.getValue().removeLast();
    held--;
    dropped.merge(largest.getKey(), 1, Integer::sum);
    return true;
  }

  /** Takes everything reported so far; the buffer starts empty again. */
  public synchronized PendingTelemetry drain() {
    Map<AttemptId, List<LogLine>> taken = new LinkedHashMap<>();
    lines.forEach((id, attemptLines) -> taken.put(id, List.copyOf(attemptLines)));
    PendingTelemetry pending = new PendingTelemetry(List.copyOf(progress.values()), taken, dropped);
    progress = new LinkedHashMap<>();
    lines = new LinkedHashMap<>();
    held = 0;
    dropped = new HashMap<>();
    return pending;
  }

  /** Cut to {@code max} characters, NUL replaced: PostgreSQL text cannot hold it. */
  private static String cut(String text, int max) {
    if (text == null) {
      return null;
    }
    String clean = StorableText.of(text);
    return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
  }
}
