package io.taskqueue.handler.control;

import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import io.taskqueue.LogLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sleeps {@code {"ms": n}} milliseconds (at most an hour), then succeeds: a stand-in for work. With
 * {@code "steps": k} it sleeps in k steps, reporting progress and logging a line after each; with
 * {@code "lines": m} it first logs m lines as fast as it can (to see the log's limit at work).
 */
@ApplicationScoped
public class SleepHandler implements JobHandler {

  static final String DIAGNOSTIC_SWITCH = "taskqueue.handlers.diagnostic.enabled";

  static final long MAX_MS = 3_600_000;
  static final int MAX_STEPS = 1_000;
  static final int MAX_LINES = 100_000;

  @Inject
  @ConfigProperty(name = DIAGNOSTIC_SWITCH, defaultValue = "false")
  boolean enabled;

  /**
   * Off unless {@value #DIAGNOSTIC_SWITCH} is true: it lets a submitter hold workers busy or fill
   * the dead-letter list at will.
   */
  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public String type() {
    return "sleep";
  }

  @Override
  public Object handle(JobContext context) throws InterruptedException {
    JsonValue ms = context.payload().get("ms");
    if (!(ms instanceof JsonNumber number)
        || number.longValue() < 0
        || number.longValue() > MAX_MS) {
      throw new IllegalArgumentException("sleep needs {\"ms\": n} with 0 <= n <= " + MAX_MS);
    }
    int steps = Math.max(0, Math.min(MAX_STEPS, context.payload().getInt("steps", 0)));
    int lines = Math.max(0, Math.min(MAX_LINES, context.payload().getInt("lines", 0)));
    for (int i = 1; i <= lines; i++) {
      context.log(LogLevel.DEBUG, "line " + i + " of " + lines);
    }
    if (steps == 0) {
      Thread.sleep(number.longValue());
      return null;
    }
    for (int step = 1; step <= steps; step++) {
      Thread.sleep(number.longValue() / steps);
      context.progress(100 * step / steps, "step " + step + " of " + steps);
      context.log(LogLevel.INFO, "finished step " + step + " of " + steps);
    }
    return null;
  }
}
