package io.taskqueue.security.control;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.security.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;
import java.util.Map;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * WebSocket tickets per caller and node: {@code taskqueue.ws.ticket-burst} at once, refilled at
 * {@code taskqueue.ws.ticket-rate} per second. A console asks for one per connection; a loop asking
 * for thousands would fill Redis with tickets that live 30 s each. Over it: 429 with {@code
 * Retry-After}, and no ticket.
 */
@ApplicationScoped
public class WsTicketRateLimit {

  @Inject
  @ConfigProperty(name = "taskqueue.ws.ticket-rate", defaultValue = "2")
  double ratePerSecond;

  @Inject
  @ConfigProperty(name = "taskqueue.ws.ticket-burst", defaultValue = "20")
  double burst;

  LongSupplier nanoClock = System::nanoTime;

  private PerCallerBuckets buckets;

  /** Takes one ticket from the caller's allowance, or throws the 429 problem. */
  public void take(Caller caller) {
    long waitMillis = buckets().take(caller.id(), 1);
    if (waitMillis > 0) {
      throw new ProblemException(
          Status.TOO_MANY_REQUESTS,
          "rate-limited",
          "Too many requests",
          "WebSocket tickets are limited to "
              + ratePerSecond
              + " per second per caller; retry in "
              + waitMillis
              + " ms.",
          Map.of("Retry-After", Long.toString(Math.max(1, (waitMillis + 999) / 1000))));
    }
  }

  private synchronized PerCallerBuckets buckets() {
    if (buckets == null) {
      buckets = new PerCallerBuckets(ratePerSecond, burst, nanoClock);
    }
    return buckets;
  }
}
