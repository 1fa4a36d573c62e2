package io.taskqueue.progress.boundary;

import io.taskqueue.LogLevel;
import io.taskqueue.configuration.control.TaskqueueDatabase;
import io.taskqueue.events.boundary.EventPublisher;
import io.taskqueue.job.entity.EventType;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.progress.control.TelemetryBuffer;
import io.taskqueue.progress.control.TelemetrySql;
import io.taskqueue.progress.entity.AttemptId;
import io.taskqueue.progress.entity.LogLine;
import io.taskqueue.progress.entity.PendingTelemetry;
import io.taskqueue.progress.entity.ProgressReport;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Progress and logs from handlers. Reports go to a bounded in-memory buffer; {@link #flush} writes
 * them (every half second from a background duty, and at the end of an attempt that reported) and
 * then publishes {@code job.progress} and {@code job.log} events for what was stored. A flush that
 * fails loses those reports (they are informational; the job itself is unaffected), counted in the
 * engine's store errors by its caller.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class JobTelemetry {

  @Inject @TaskqueueDatabase DataSource dataSource;

  @Inject EventPublisher events;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "taskqueue.logs.max-lines-per-job", defaultValue = "1000")
  int maxLinesPerJob;

  @Inject
  @ConfigProperty(name = "taskqueue.logs.max-line-chars", defaultValue = "4000")
  int maxLineChars;

  @Inject
  @ConfigProperty(name = "taskqueue.logs.max-pending", defaultValue = "10000")
  int maxPending;

  private TelemetryBuffer buffer;

  @PostConstruct
  void start() {
    buffer = new TelemetryBuffer(maxPending, maxLineChars);
  }

  public void progress(UUID jobId, String type, int attempt, int percent, String message) {
    buffer.progress(jobId, type, attempt, percent, message, Instant.now());
  }

  public void log(UUID jobId, int attempt, LogLevel level, String message) {
    buffer.log(jobId, attempt, level, message, Instant.now());
  }

  /**
   * Writes everything reported so far, each job's reports in statements of their own, and publishes
   * events for what was stored. A job whose reports the database refuses loses them (they are
   * informational); the others' are stored all the same. Throws after the whole flush when any
   * failed, so the failure is counted.
   */
  public synchronized void flush() {
    PendingTelemetry pending = buffer.drain();
    if (pending.isEmpty()) {
      return;
    }
    List<JobEvent> published = new ArrayList<>();
    RuntimeException failed = null;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      for (ProgressReport report : pending.progress()) {
        try {
          if (TelemetrySql.progress(c, report)) {
            published.add(progressEvent(report));
          }
        } catch (SQLException e) {
          failed = failure(failed, e);
        }
      }
      Map<AttemptId, List<LogLine>> byAttempt = new LinkedHashMap<>(pending.lines());
      pending.dropped().keySet().forEach(a -> byAttempt.computeIfAbsent(a, k -> List.of()));
      for (Map.Entry<AttemptId, List<LogLine>> attempt : byAttempt.entrySet()) {
        List<LogLine> lines = attempt.getValue();
        int dropped = pending.dropped().getOrDefault(attempt.getKey(), 0);
        // The budget and the lines in one transaction: a refused line leaves no count behind.
        try {
          c.setAutoCommit(false);
          int stored = TelemetrySql.append(c, attempt.getKey(), lines, dropped, maxLinesPerJob);
          c.commit();
          if (stored == TelemetrySql.STALE) {
            staleLines(lines.size() + dropped);
          } else if (stored > 0) {
            published.add(logEvent(lines.get(0), stored));
          }
        } catch (SQLException e) {
          c.rollback();
          failed = failure(failed, e);
        } finally {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      failed = failure(failed, e);
    } finally {
      if (!published.isEmpty()) {
        events.publishLater(published);
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  /**
   * Lines of an attempt that was no longer running when they were written (a handler logging after
   * its lease was lost or its job was cancelled or finished): dropped, never charged to the job's
   * budget, counted as {@code taskqueue_logs_stale_total}.
   */
  private void staleLines(int count) {
    if (count > 0 && metrics != null) {
      metrics.counter("taskqueue.logs.stale").inc(count);
    }
  }

  private static RuntimeException failure(RuntimeException first, SQLException e) {
    return first != null
        ? first
        : new IllegalStateException("could not store progress and logs: " + e.getMessage(), e);
  }

  /** Up to {@code limit} of the job's log lines after line {@code afterSeq}, oldest first. */
  public List<LogLine> lines(UUID jobId, int afterSeq, int limit) {
    try (Connection c = dataSource.getConnection()) {
      return TelemetrySql.lines(c, jobId, afterSeq, limit);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the job's log: " + e.getMessage(), e);
    }
  }

  private static JobEvent progressEvent(ProgressReport r) {
    return new JobEvent(
        EventType.JOB_PROGRESS.wireName(),
        r.jobId(),
        r.jobType(),
        null,
        "running",
        r.attempt(),
        null,
        r.at(),
        null,
        null,
        null,
        r.percent(),
        r.message());
  }

  private static JobEvent logEvent(LogLine first, int stored) {
    return new JobEvent(
        EventType.JOB_LOG.wireName(),
        first.jobId(),
        null,
        null,
        null,
        first.attempt(),
        null,
        Instant.now(),
        null,
        null,
        null,
        null,
        stored + " new line(s)");
  }
}
