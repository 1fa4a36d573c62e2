package io.taskqueue;

import jakarta.json.JsonObject;
import java.lang.reflect.Type;
import java.util.List;
import java.util.UUID;

/**
 * One attempt of one job, as its handler sees it. A long handler should check {@link
 * #isCancelled()} between steps; the worker thread is also interrupted on cancel and when the job's
 * timeout runs out.
 */
public interface JobContext {

  /**
   * The job's id, stable across attempts: use it to make the handler's effects idempotent.
   *
   * @return the job id
   */
  UUID jobId();

  /**
   * The job's type.
   *
   * @return the type this handler was chosen for
   */
  String type();

  /**
   * The payload as submitted: a JSON object ({@code {}} when none was given).
   *
   * @return the payload as JSON
   */
  JsonObject payload();

  /**
   * The payload mapped to {@code type} with JSON-B.
   *
   * @param <T> the type to map to
   * @param type a class JSON-B can map the payload to
   * @return the payload as an instance of {@code type}
   * @throws NonRetryableException when the payload does not map to {@code type}: retrying the same
   *     payload cannot help
   */
  <T> T payload(Class<T> type) throws NonRetryableException;

  /**
   * The payload mapped with JSON-B to a type that may be generic: a {@link PayloadType}'s {@code
   * type()}, as in {@code context.payload(new PayloadType<List<Order>>() {}.type())}.
   *
   * @param <T> the type to map to
   * @param type a type JSON-B can map the payload to
   * @return the payload as an instance of {@code type}
   * @throws NonRetryableException when the payload does not map to {@code type}
   */
  @SuppressWarnings("unchecked")
  default <T> T payload(Type type) throws NonRetryableException {
    if (type instanceof Class<?> plain) {
      return (T) payload(plain);
    }
    throw new UnsupportedOperationException(
        getClass().getName() + " maps payloads to classes only, not to " + type.getTypeName());
  }

  /**
   * Which attempt this is, starting at 1.
   *
   * @return the attempt number
   */
  int attempt();

  /**
   * How many attempts the job may have in all.
   *
   * @return the job's attempt limit
   */
  int maxAttempts();

  /**
   * Whether the job was cancelled or its time ran out: stop as soon as you can.
   *
   * @return true once the attempt should stop
   */
  boolean isCancelled();

  /**
   * Reports how far the attempt has come. The engine keeps the latest report on the job and
   * publishes it as a {@code job.progress} event, at most about twice a second per job however
   * often this is called, so a tight loop may call it freely. A report from an attempt that is no
   * longer the job's current one is ignored.
   *
   * @param percent 0 to 100 (clamped)
   * @param message what the handler is doing, or null (cut to 500 characters)
   */
  default void progress(int percent, String message) {}

  /**
   * Adds a line to the job's log, kept per attempt and shown on the job's page while it runs. A job
   * keeps a bounded number of lines (by default 1,000, each cut to 4,000 characters); lines beyond
   * that are counted as dropped, never stored.
   *
   * @param level how much the line matters
   * @param message the line
   */
  default void log(LogLevel level, String message) {}

  /**
   * Adds an {@link LogLevel#INFO} line to the job's log.
   *
   * @param message the line
   */
  default void log(String message) {
    log(LogLevel.INFO, message);
  }

  /**
   * The jobs this job depends on (its parents in a workflow), as they are now: each has completed,
   * with its result, unless this job runs anyway after a parent failed. Read from the database on
   * each call.
   *
   * @return the parents, oldest first; empty for a job without parents
   */
  default List<JobInfo> parents() {
    return List.of();
  }
}
