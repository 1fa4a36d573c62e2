package io.taskqueue.progress.control;

import io.taskqueue.LogLevel;
import io.taskqueue.job.control.StorableText;
import io.taskqueue.progress.entity.LogLine;
import io.taskqueue.progress.entity.PendingTelemetry;
import io.taskqueue.progress.entity.ProgressReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Holds what handlers reported until the next flush. Progress keeps only the latest report per
 * attempt, so a loop that reports a million times costs one write per flush; lines are kept up to
 * {@code maxPending} in all and counted as dropped beyond, so a handler logging in a tight loop
 * cannot exhaust memory. Texts are cut to their limits here, before anything is stored.
 */
public final class TelemetryBuffer {

  public static final int MAX_PROGRESS_MESSAGE = 500;

  private final int maxPending;
  private final int maxLineChars;
  private Map<String, ProgressReport> progress = new LinkedHashMap<>();
  private List<LogLine> lines = new ArrayList<>();
  private Map<UUID, Integer> dropped = new HashMap<>();

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
    if (lines.size() >= maxPending) {
      dropped.merge(jobId, 1, Integer::sum);
      return;
    }
    String text = message == null ? "" : cut(message, maxLineChars);
    lines.add(new LogLine(jobId, 0, attempt, at, level == null ? LogLevel.INFO : level, text));
  }

  /** Takes everything reported so far; the buffer starts empty again. */
  public synchronized PendingTelemetry drain() {
    PendingTelemetry taken = new PendingTelemetry(List.copyOf(progress.values()), lines, dropped);
    progress = new LinkedHashMap<>();
    lines = new ArrayList<>();
    dropped = new HashMap<>();
    return taken;
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
