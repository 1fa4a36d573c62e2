package io.taskqueue.bench.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the jobs of an {@link OpenLoopSchedule} as they fall due, one per request or in a batch per
 * tick, without waiting for answers, and records for each the wall-clock instant just before
 * sending and the id the server gave the job.
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

  /**
   * Sends the schedule's jobs: one request per job when {@code batchEveryMillis} is 0, else every
   * {@code batchEveryMillis} one batch request with the jobs that fell due during that tick (the
   * way a busy client sends them); each job's send instant is then its batch's.
   */
  public Sent send(OpenLoopSchedule schedule, int batchEveryMillis) throws Exception {
    int n = schedule.count();
    Instant[] sentAt = new Instant[n];
    String[] ids = new String[n];
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    long tick = batchEveryMillis * 1_000_000L;
    long start = System.nanoTime();
    long maxLag = 0;
    long firstSend = 0;
    long lastSend = 0;
    for (int from = 0, k = 1; from < n; k++) {
      int to = tick == 0 ? from + 1 : schedule.dueBefore(k * tick);
      if (to == from) {
        continue;
      }
      long due = start + (tick == 0 ? schedule.dueNanos(from) : k * tick);
      for (long wait; (wait = due - System.nanoTime()) > 0; ) {
        LockSupport.parkNanos(wait);
      }
      inFlight.acquire();
      lastSend = System.nanoTime();
      firstSend = from == 0 ? lastSend : firstSend;
      maxLag = Math.max(maxLag, lastSend - due);
      Instant now = Instant.now();
      for (int i = from; i < to; i++) {
        sentAt[i] = now;
      }
      int first = from;
      int count = to - from;
      String path = tick == 0 ? "/api/jobs" : "/api/jobs/batch";
      api.postAsync(path, tick == 0 ? JobBodies.single() : JobBodies.batch(count))
          .whenComplete(
              (response, error) -> {
                try {
                  if (error != null) {
                    failure.compareAndSet(null, error);
                  } else if (response.statusCode() == 201) {
                    record(TaskqueueApi.parse(response.body()), ids, first, count);
                  } else {
                    errors.addAndGet(count);
                    firstError.compareAndSet(null, TaskqueueApi.describe("POST " + path, response));
                  }
                } finally {
                  inFlight.release();
                }
              });
      if (failure.get() != null) {
        break; // a 429 or a dead server: the rest would fail the same way
      }
      from = to;
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

  /** A single submit answers with the job, a batch with {@code {"count", "ids"}}. */
  private static void record(JsonObject answer, String[] ids, int first, int count) {
    if (answer.containsKey("ids")) {
      JsonArray given = answer.getJsonArray("ids");
      for (int j = 0; j < count; j++) {
        ids[first + j] = given.getString(j);
      }
    } else {
      ids[first] = answer.getString("id");
    }
  }
}
