package io.taskqueue.configuration.control;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * A start-up step that needs a store which may not answer yet (a node booting while PostgreSQL
 * restarts): tried until it succeeds, with a pause that doubles from {@link #FIRST_PAUSE} to {@link
 * #LONGEST_PAUSE}, one log line per failed try, and the last failure kept for the health checks. It
 * gives up only when the application stops, never on its own: a node must come up by itself when
 * its stores return.
 */
public final class RetriedStep {

  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
  private static final Logger LOG = Logger.getLogger(RetriedStep.class.getName());

  /** What the step does; any exception is a failed try. */
  @FunctionalInterface
  public interface Step {
    void run() throws Exception;
  }

  /** Waits between tries; a test passes one that does not sleep. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration length) throws InterruptedException;
  }

  private final String name;
  private final Pause pause;
  private volatile String problem = "not tried yet";

  public RetriedStep(String name, Pause pause) {
    this.name = name;
    this.pause = pause;
  }

  /**
   * Runs the step until it succeeds (true) or {@code keepTrying} says stop or the thread is
   * interrupted (false).
   */
  public boolean runUntilDone(Step step, BooleanSupplier keepTrying) {
    Duration next = FIRST_PAUSE;
    for (int attempt = 1; keepTrying.getAsBoolean(); attempt++) {
      try {
        step.run();
        problem = null;
        if (attempt > 1) {
          int tries = attempt;
          LOG.info(() -> name + " done at try " + tries);
        }
        return true;
      } catch (Exception | LinkageError e) {
        problem = describe(e);
        int tries = attempt;
        Duration wait = next;
        LOG.warning(
            () ->
                name
                    + " failed (try "
                    + tries
                    + "), next try in "
                    + wait.toSeconds()
                    + " s: "
                    + problem);
      }
      try {
        pause.pause(next);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      next =
          next.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : next.multipliedBy(2);
    }
    return false;
  }

  /** Why the step is not done yet; null once it is. */
  public String problem() {
    return problem;
  }

  /** The deepest cause's words: "Connection to 127.0.0.1:5432 refused", not a wrapper's. */
  static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage().strip();
    int newline = message.indexOf('\n');
    return root.getClass().getSimpleName()
        + (newline < 0 ? message : message.substring(0, newline));
  }
}
