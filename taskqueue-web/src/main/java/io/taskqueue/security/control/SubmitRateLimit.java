package io.taskqueue.security.control;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.job.entity.SubmitRate;
import io.taskqueue.security.entity.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;
import java.util.Map;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Submitted jobs per caller and node: a token bucket of {@code taskqueue.api.submit-burst} jobs
 * refilled at {@code taskqueue.api.submit-rate} per second (0 turns the limit off). A submission
 * pays in two steps: one token before its body is read ({@link SubmitRateGate}), so a flood is
 * stopped before it costs parsing, and one per further job once the body says how many ({@link
 * #chargeRest}). A caller over it gets 429 with {@code Retry-After}; nothing is stored.
 */
@ApplicationScoped
public class SubmitRateLimit {

  @Inject
  @ConfigProperty(
      name = SubmitRate.PER_SECOND_PROPERTY,
      defaultValue = SubmitRate.DEFAULT_PER_SECOND)
  double ratePerSecond;

  @Inject
  @ConfigProperty(name = SubmitRate.BURST_PROPERTY, defaultValue = SubmitRate.DEFAULT_BURST)
  double burst;

  LongSupplier nanoClock = System::nanoTime;

  private PerCallerBuckets buckets;

  @PostConstruct
  void check() {
    new SubmitRate(ratePerSecond, burst);
  }

  /** Takes one token for a submission whose body is not read yet, or throws the 429 problem. */
  public void take(Caller caller) {
    charge(caller, 1);
  }

  /**
   * Takes a token for each of a submission's {@code jobs} but the one {@link #take} already took,
   * or throws the 429 problem. At most a full bucket is charged, so that a batch larger than the
   * burst is slowed, not refused forever.
   */
  public void chargeRest(Caller caller, int jobs) {
    if (jobs > 1) {
      charge(caller, jobs - 1);
    }
  }

  private synchronized PerCallerBuckets buckets() {
    if (buckets == null) {
      buckets = new PerCallerBuckets(ratePerSecond, burst, nanoClock);
    }
    return buckets;
  }

  private void charge(Caller caller, double tokens) {
    if (ratePerSecond == 0) {
      return;
    }
    long waitMillis = buckets().take(caller.id(), tokens);
    if (waitMillis > 0) {
      throw new ProblemException(
          Status.TOO_MANY_REQUESTS,
          "rate-limited",
          "Too many requests",
          "Submissions are limited to "
              + ratePerSecond
              + " jobs per second per caller; retry in "
              + waitMillis
              + " ms.",
          Map.of("Retry-After", Long.toString(Math.max(1, (waitMillis + 999) / 1000))));
    }
  }
}
