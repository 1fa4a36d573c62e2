package io.taskqueue;

import java.time.Duration;

/**
 * What the jobs of one handler get when their submitter does not say: their priority, how many
 * attempts they have, how long they wait between attempts and how long one attempt may run. A
 * handler gives them from {@link JobHandler#defaults()}; a submit (REST, Java, a schedule or a
 * workflow) that gives one of them overrides it, and one that is null here takes taskqueue's own
 * default (medium priority, 4 attempts, the configured backoff and timeout).
 *
 * <p>The engine checks every handler's defaults by the rules of a submit when the application
 * deploys: defaults that a submit could not give fail the deployment, naming the job type.
 *
 * @param priority the queue the jobs go to, or null for taskqueue's default
 * @param maxAttempts how many times a job is tried before it is dead, or null
 * @param backoff the wait between attempts, or null
 * @param timeout how long one attempt may run, or null
 */
public record JobDefaults(
    Priority priority, Integer maxAttempts, Backoff backoff, Duration timeout) {

  /**
   * No defaults of the handler's own: every job takes taskqueue's unless its submitter says.
   *
   * @return defaults that leave everything to taskqueue
   */
  public static JobDefaults none() {
    return new JobDefaults(null, null, null, null);
  }

  /**
   * These defaults with another priority.
   *
   * @param value the priority
   * @return a copy with the priority set
   */
  public JobDefaults priority(Priority value) {
    return new JobDefaults(value, maxAttempts, backoff, timeout);
  }

  /**
   * These defaults with another number of attempts.
   *
   * @param value 1 to 100
   * @return a copy with the attempts set
   */
  public JobDefaults maxAttempts(int value) {
    return new JobDefaults(priority, value, backoff, timeout);
  }

  /**
   * These defaults with another backoff.
   *
   * @param value the wait between attempts
   * @return a copy with the backoff set
   */
  public JobDefaults backoff(Backoff value) {
    return new JobDefaults(priority, maxAttempts, value, timeout);
  }

  /**
   * These defaults with another timeout.
   *
   * @param value how long one attempt may run, at most a day
   * @return a copy with the timeout set
   */
  public JobDefaults timeout(Duration value) {
    return new JobDefaults(priority, maxAttempts, backoff, value);
  }
}
