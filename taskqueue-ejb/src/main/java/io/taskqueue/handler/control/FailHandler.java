package io.taskqueue.handler.control;

import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import io.taskqueue.NonRetryableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fails its first {@code {"times": n}} attempts and succeeds after; fails every attempt when {@code
 * times} is absent. {@code "message"} is added to the error; {@code "permanent": true} fails with a
 * non-retryable error. For trying retries and dead letters.
 */
@ApplicationScoped
public class FailHandler implements JobHandler {

  static final String DIAGNOSTIC_SWITCH = "taskqueue.handlers.diagnostic.enabled";

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
    return "fail";
  }

  @Override
  public Object handle(JobContext context) throws NonRetryableException {
    JsonValue times = context.payload().get("times");
    if (times instanceof JsonNumber n && context.attempt() > n.intValue()) {
      return null;
    }
    String message =
        "fail: attempt "
            + context.attempt()
            + " fails as the payload asks"
            + (context.payload().containsKey("message")
                ? ": " + context.payload().get("message")
                : "");
    if (context.payload().getBoolean("permanent", false)) {
      throw new NonRetryableException(message);
    }
    throw new IllegalStateException(message);
  }
}
