package io.taskqueue.duty.control;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a background duty so that nothing it throws stops it: a scheduled task that throws is never
 * run again, and an {@code Error} (a stack overflow, a failed class load, an allocation too large)
 * is as fatal to the schedule as an exception. Each failure is recorded and logged; the duty runs
 * again next time.
 */
public final class GuardedDuty implements Runnable {

  private static final Logger LOG = Logger.getLogger(GuardedDuty.class.getName());

  private final Runnable duty;
  private final Consumer<Throwable> failures;
  private final String name;

  public GuardedDuty(Runnable duty, Consumer<Throwable> failures) {
    this(duty, failures, duty.getClass().getSimpleName());
  }

  /** {@code name} names the duty in the log, when {@code duty} wraps it. */
  public GuardedDuty(Runnable duty, Consumer<Throwable> failures, String name) {
    this.duty = duty;
    this.failures = failures;
    this.name = name;
  }

  @Override
  public void run() {
    try {
      duty.run();
    } catch (Throwable e) {
      try {
        failures.accept(e);
        LOG.log(Level.WARNING, name + " failed; it runs again next time", e);
      } catch (Throwable ignored) {
        // Even recording failed (out of memory): the schedule must survive that too.
      }
    }
  }
}
