package io.taskqueue;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A schedule declared next to its handler: on a {@link JobHandler} bean's class, it submits a job
 * of the handler's type at every fire time of {@link #cron()} in {@link #zone()}. The job takes the
 * handler's {@link JobHandler#defaults() defaults}; repeat the annotation for several schedules.
 *
 * <pre>{@code
 * @Recurring(name = "nightly-report", cron = "30 2 * * *", zone = "Europe/Berlin")
 * @ApplicationScoped
 * public class NightlyReport implements JobHandler { ... }
 * }</pre>
 *
 * <p>Declared schedules are created or updated when the application deploys, once the database is
 * reachable, by one node at a time; a deployment that declares what is already stored changes
 * nothing. A schedule that a deployment running the handler's type no longer declares is paused,
 * not deleted, with a log line, and resumes if a later deployment declares it again. When two
 * versions of an application run side by side, the one that started last decides. Operators see
 * declared schedules in the API and console, marked with the class that declares them, and may
 * pause, resume, run or delete them; their definition changes only in code.
 *
 * <p>{@link #cron()}, {@link #zone()} and {@link #payload()} may each be one configuration
 * reference, {@code ${name}} or {@code ${name:default}}, read from MicroProfile Config at
 * deployment. A declaration that is not valid (an unknown time zone, a cron expression that does
 * not parse, a payload that is not a JSON object, a name declared twice) fails the deployment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Recurring.List.class)
public @interface Recurring {

  /**
   * The schedule's name, unique among all schedules: 1 to 100 letters, digits, '.', '_' or '-'.
   *
   * @return the name
   */
  String name();

  /**
   * When it fires: five Unix fields ({@code "30 2 * * *"}) or six to seven Quartz fields.
   *
   * @return the cron expression
   */
  String cron();

  /**
   * The IANA time zone the cron expression is read in.
   *
   * @return the time zone; UTC unless given
   */
  String zone() default "UTC";

  /**
   * The payload of every job the schedule submits, as a JSON object.
   *
   * @return the payload; {@code {}} unless given
   */
  String payload() default "{}";

  /**
   * What a fire time does while the schedule's previous job has not finished.
   *
   * @return the overlap policy; {@link Overlap#ALLOW} unless given
   */
  Overlap overlap() default Overlap.ALLOW;

  /**
   * What happens to fire times missed while no node was up to fire them.
   *
   * @return the misfire policy; {@link Misfire#SKIP} unless given
   */
  Misfire misfire() default Misfire.SKIP;

  /**
   * How many missed fire times {@link Misfire#FIRE_ALL} submits at most.
   *
   * @return the limit, 1 to 1000; 10 unless given
   */
  int misfireLimit() default 10;

  /** What a fire time does while the schedule's previous job has not finished. */
  enum Overlap {
    /** Submits a job anyway. */
    ALLOW,
    /** Submits nothing, and records the skipped fire time. */
    SKIP
  }

  /** What happens to fire times missed while no node was up to fire them. */
  enum Misfire {
    /** They are not made up; the schedule goes on from the next fire time. */
    SKIP,
    /** One job is submitted for them all. */
    FIRE_ONCE,
    /** A job is submitted for each, up to {@link Recurring#misfireLimit()}. */
    FIRE_ALL
  }

  /** Holds a handler's {@link Recurring} annotations when there is more than one. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    /**
     * The schedules.
     *
     * @return the schedules declared on the class
     */
    Recurring[] value();
  }
}
