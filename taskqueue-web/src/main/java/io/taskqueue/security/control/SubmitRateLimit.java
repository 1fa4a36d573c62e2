package io.taskqueue.security.control;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.security.entity.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Submit requests per caller and node: a token bucket of {@code taskqueue.api.submit-burst}
 * requests refilled at {@code taskqueue.api.submit-rate} per second (0 turns the limit off). A
 * caller over it gets 429 with {@code Retry-After}; nothing is stored.
 */
@ApplicationScoped
public class SubmitRateLimit {

  /** Buckets are dropped when there are more callers than this, so the map cannot grow forever. */
  static final int MAX_CALLERS = 10_000;

  @Inject
  @ConfigProperty(name = "taskqueue.api.submit-rate", defaultValue = "1000")
  double ratePerSecond;

  @Inject
  @ConfigProperty(name = "taskqueue.api.submit-burst", defaultValue = "2000")
  double burst;

  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  @PostConstruct
  void check() {
    if (ratePerSecond < 0 || burst < 1) {
      throw new IllegalStateException("taskqueue.api.submit-rate >= 0 and submit-burst >= 1");
    }
  }

  /** Takes one request from the caller's bucket, or throws the 429 problem. */
  public void take(Caller caller) {
    if (ratePerSecond == 0) {
      return;
    }
    if (buckets.size() > MAX_CALLERS) {
      buckets.clear();
    }
    TokenBucket bucket =
        buckets.computeIfAbsent(
            caller.id(), id -> new TokenBucket(ratePerSecond, burst, System::nanoTime));
    long waitMillis = bucket.take();
    if (waitMillis > 0) {
      throw new ProblemException(
          Status.TOO_MANY_REQUESTS,
          "rate-limited",
          "Too many requests",
          "Submissions are limited to "
              + ratePerSecond
              + " requests per second per caller; retry in "
              + waitMillis
              + " ms.",
          Map.of("Retry-After", Long.toString(Math.max(1, (waitMillis + 999) / 1000))));
    }
  }
}
