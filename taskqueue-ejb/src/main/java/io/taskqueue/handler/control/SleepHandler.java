package io.taskqueue.handler.control;

import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sleeps {@code {"ms": n}} milliseconds (at most an hour), then succeeds: a stand-in for work. */
@ApplicationScoped
public class SleepHandler implements JobHandler {

  static final String DIAGNOSTIC_SWITCH = "taskqueue.handlers.diagnostic.enabled";

  static final long MAX_MS = 3_600_000;

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
    Thread.sleep(number.longValue());
    return null;
  }
}
