package io.taskqueue.bench.control;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one {@code POST /api/jobs} at each due time of an {@link OpenLoopSchedule}, without waiting
 * for answers, and records for each the wall-clock instant just before sending and the id the
 * server gave the job.
 *
 * <p>At most {@link #MAX_IN_FLIGHT} requests are outstanding: a server that stops answering would
 * otherwise get thousands of connections. When that bound holds the sender back, the lag shows in
 * {@link Sent#maxLagNanos()}.
 */
public final class OpenLoopSender {

  static final int MAX_IN_FLIGHT = 256;

  private final TaskqueueApi api;

  public OpenLoopSender(TaskqueueApi api) {
    this.api = api;
  }

  /**
   * What was sent: per submission (by index) its send instant and job id (null when refused).
   *
   * @param maxLagNanos how late the latest send was against its due time
   */
  public record Sent(
      Instant[] sentAt,
      String[] ids,
      int errors,
      String firstError,
      long maxLagNanos,
      long firstSendNanos,
      long lastSendNanos) {}

  public Sent send(OpenLoopSchedule schedule) throws Exception {
    int n = schedule.count();
    Instant[] sentAt = new Instant[n];
    String[] ids = new String[n];
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    String body = JobBodies.single();
    long start = System.nanoTime();
    long maxLag = 0;
    long firstSend = 0;
    long lastSend = 0;
    for (int i = 0; i < n; i++) {
      long due = start + schedule.dueNanos(i);
      for (long wait; (wait = due - System.nanoTime()) > 0; ) {
        LockSupport.parkNanos(wait);
      }
      inFlight.acquire();
      lastSend = System.nanoTime();
      firstSend = i == 0 ? lastSend : firstSend;
      maxLag = Math.max(maxLag, lastSend - due);
      sentAt[i] = Instant.now();
      int index = i;
      api.postAsync("/api/jobs", body)
          .whenComplete(
              (response, error) -> {
                try {
                  if (error != null) {
                    failure.compareAndSet(null, error);
                  } else if (response.statusCode() == 201) {
                    ids[index] = TaskqueueApi.parse(response.body()).getString("id");
                  } else {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, describe(response));
                  }
                } finally {
                  inFlight.release();
                }
              });
      if (failure.get() != null) {
        break; // a 429 or a dead server: the rest would fail the same way
      }
    }
    // every permit back means every request was answered
    if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 2, TimeUnit.MINUTES)) {
      throw new IllegalStateException("requests still unanswered two minutes after the last send");
    }
    if (failure.get() != null) {
      Throwable cause = failure.get().getCause() != null ? failure.get().getCause() : failure.get();
      throw cause instanceof Exception e ? e : new IllegalStateException(cause);
    }
    return new Sent(sentAt, ids, errors.get(), firstError.get(), maxLag, firstSend, lastSend);
  }

  private static String describe(HttpResponse<String> response) {
    return TaskqueueApi.describe("POST /api/jobs", response);
  }
}
