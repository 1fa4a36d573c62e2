package io.taskqueue;

/**
 * Runs the jobs of one type. Implement it as a bean anywhere in your deployment: in the WAR that
 * holds the engine, or in any module of the EAR that holds it. The engine finds every such bean at
 * startup; two beans for one type fail the deployment.
 *
 * <p>Which kind of bean: in a single WAR, in an EJB module or in the EAR's {@code lib/}, any CDI
 * bean ({@code @ApplicationScoped} or {@code @Dependent}). In a WAR that is a module of an EAR, a
 * {@code @Stateless} session bean: the EJB container then runs each call in that WAR's own naming
 * context, so its {@code @PersistenceContext}, JNDI names and transactions are the WAR's (a plain
 * CDI bean there runs in the engine module's context, where a WAR-only persistence unit cannot be
 * found).
 *
 * <p>A handler runs at least once per job and may run again after a crash, so its effects should be
 * idempotent (key them by {@link JobContext#jobId()}). Returning ends the attempt as completed;
 * throwing fails it, and the job is retried with backoff until its attempts are used up, then it is
 * dead. Throw {@link NonRetryableException} when retrying cannot help.
 *
 * <p>To take the payload as a Java object, implement {@link TypedJobHandler} instead. Either kind
 * may give its jobs defaults of its own with {@link #defaults()}.
 *
 * <p>Handlers may inject anything CDI offers and may be {@code @Transactional}: a handler's
 * transaction is its own; the engine records the outcome after the handler returns.
 */
public interface JobHandler {

  /**
   * The job type this handler runs, as submitters name it: 1 to 100 letters, digits, '.', '_', ':'
   * or '-', starting with a letter or digit.
   *
   * @return the job type
   */
  String type();

  /**
   * Whether this handler takes jobs in this deployment. A disabled handler is as if it did not
   * exist: jobs of its type are refused on submit. Override it to switch a handler on from
   * configuration.
   *
   * @return true unless the handler is switched off
   */
  default boolean enabled() {
    return true;
  }

  /**
   * What this handler's jobs get when their submitter does not say (priority, attempts, backoff,
   * timeout). Read once, when the application deploys.
   *
   * @return the defaults; {@link JobDefaults#none()} unless overridden
   */
  default JobDefaults defaults() {
    return JobDefaults.none();
  }

  /**
   * Runs one attempt of one job.
   *
   * @param context the job, its payload and attempt, and whether it was cancelled
   * @return the result to store with the job: a {@link jakarta.json.JsonValue}, any object JSON-B
   *     can map, or null for none
   * @throws Exception to fail the attempt; {@link NonRetryableException} to fail the job at once
   */
  Object handle(JobContext context) throws Exception;
}
