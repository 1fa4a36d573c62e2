package io.taskqueue.job.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * One event, as published on Redis and sent to WebSocket clients. Absent parts are left out of the
 * JSON: {@code jobId}, {@code jobType}, {@code attempt} on worker and queue events; {@code
 * durationMs} except on {@code job.completed} and {@code job.failed} (how long the attempt ran);
 * {@code waitMs} except on a first {@code job.started} (submission, or the run time of a scheduled
 * job, to start); {@code error} except on {@code job.failed}, {@code job.dead} and {@code
 * job.retrying} after a lost lease. {@code workerId} is the worker thread ({@code node/w3}) on job
 * events and the node on worker events. {@code progress} (0 to 100) is only on {@code
 * job.progress}; {@code message} only on {@code job.progress} and {@code job.log} (there with the
 * line's level as {@code status}).
 */
public record JobEvent(
    String type,
    UUID jobId,
    String jobType,
    String priority,
    String status,
    Integer attempt,
    String workerId,
    Instant timestamp,
    Long durationMs,
    Long waitMs,
    String error,
    Integer progress,
    String message) {

  /** An event without progress or message: every event but {@code job.progress} and logs. */
  public JobEvent(
      String type,
      UUID jobId,
      String jobType,
      String priority,
      String status,
      Integer attempt,
      String workerId,
      Instant timestamp,
      Long durationMs,
      Long waitMs,
      String error) {
    this(
        type,
        jobId,
        jobType,
        priority,
        status,
        attempt,
        workerId,
        timestamp,
        durationMs,
        waitMs,
        error,
        null,
        null);
  }

  /** Errors travel as their first line, bounded: the whole text is in the job's record. */
  public static final int MAX_ERROR_CHARS = 300;

  /** An event about a job, as the job's row stands now. */
  public static JobEvent of(EventType type, Job job, String workerId) {
    return new JobEvent(
        type.wireName(),
        job.getId(),
        job.getType(),
        job.getPriority().wireName(),
        job.getStatus().wireName(),
        job.getAttempt(),
        workerId,
        Instant.now(),
        null,
        null,
        null);
  }

  public static JobEvent ofWorker(EventType type, String nodeId, String status) {
    return new JobEvent(
        type.wireName(), null, null, null, status, null, nodeId, Instant.now(), null, null, null);
  }

  public static JobEvent ofQueue(EventType type, Priority priority, String status) {
    return new JobEvent(
        type.wireName(),
        null,
        null,
        priority.wireName(),
        status,
        null,
        null,
        Instant.now(),
        null,
        null,
        null);
  }

  public JobEvent withDuration(Long millis) {
    return new JobEvent(
        type, jobId, jobType, priority, status, attempt, workerId, timestamp, millis, waitMs,
        error);
  }

  public JobEvent withWait(Long millis) {
    return new JobEvent(
        type,
        jobId,
        jobType,
        priority,
        status,
        attempt,
        workerId,
        timestamp,
        durationMs,
        millis,
        error);
  }

  public JobEvent withError(String text) {
    return new JobEvent(
        type,
        jobId,
        jobType,
        priority,
        status,
        attempt,
        workerId,
        timestamp,
        durationMs,
        waitMs,
        firstLine(text));
  }

  /** The same event retyped with a status: {@code job.failed} then {@code job.dead}. */
  public JobEvent as(EventType other, JobStatus newStatus) {
    return new JobEvent(
        other.wireName(),
        jobId,
        jobType,
        priority,
        newStatus.wireName(),
        attempt,
        workerId,
        timestamp,
        other == EventType.JOB_FAILED ? durationMs : null,
        null,
        error);
  }

  public boolean is(EventType other) {
    return other.wireName().equals(type);
  }

  static String firstLine(String text) {
    if (text == null) {
      return null;
    }
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    return line.length() <= MAX_ERROR_CHARS ? line : line.substring(0, MAX_ERROR_CHARS) + "...";
  }
}
