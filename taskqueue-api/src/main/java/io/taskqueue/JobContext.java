package io.taskqueue;

import jakarta.json.JsonObject;
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
}
