package io.taskqueue.handler.boundary;

import jakarta.json.JsonValue;

/**
 * Runs the jobs of one type. Implement it as a CDI bean (for example {@code @ApplicationScoped})
 * anywhere in the deployment; taskqueue finds it by {@link #type()}.
 *
 * <p>A handler runs at least once per job and may run again after a crash, so its effects should be
 * idempotent (keyed by {@link JobContext#jobId()}). Throwing fails the attempt: the job is retried
 * with backoff until its attempts are used up, then it is dead.
 */
public interface JobHandler {

  /** The job type this handler runs, as clients name it on submit. */
  String type();

  /**
   * True for handlers that exist to try taskqueue out ({@code sleep}, {@code fail}): they are
   * switched off unless {@code taskqueue.handlers.diagnostic.enabled} is true, because they let a
   * submitter hold workers busy or fill the dead-letter list at will.
   */
  default boolean diagnostic() {
    return false;
  }

  /**
   * Runs one attempt.
   *
   * @return the result to store with the job (any JSON value), or null for none
   */
  JsonValue handle(JobContext context) throws Exception;
}
