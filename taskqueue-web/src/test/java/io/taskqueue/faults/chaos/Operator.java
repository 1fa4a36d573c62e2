package io.taskqueue.faults.chaos;

import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What an operator does during the soak, through any node that is up:
 *
 * <ol>
 *   <li>cancels the jobs planned to be cancelled, a few seconds after submission, and retries half
 *       of them after that (the cancel-then-retry path);
 *   <li>retries the jobs planned to die, once, a few seconds after submission;
 *   <li>storms: cancels or retries many jobs picked at random, bulk-retries the dead, pauses
 *       priorities and resumes them a few seconds later;
 *   <li>at the end drops whatever it had planned and resumes every priority.
 * </ol>
 */
final class Operator {

  private static final String[] PRIORITIES = {"high", "medium", "low"};

  private final ChaosNodes nodes;
  private final ChaosHttp http;
  private final Ledger ledger;
  private final Random random;
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);

  Operator(ChaosNodes nodes, ChaosHttp http, Ledger ledger, long seed) {
    this.nodes = nodes;
    this.http = http;
    this.ledger = ledger;
    this.random = new Random(seed);
  }

  /** Plans what happens later to a job just acknowledged, by its kind. */
  void plan(UUID id, JobMix.Kind kind) {
    switch (kind) {
      case CANCELLED -> {
        long cancelAt = 500 + nextInt(3_500);
        later(cancelAt, () -> act(id, "cancel"));
        if (nextInt(2) == 0) {
          later(cancelAt + 500 + nextInt(2_500), () -> act(id, "retry"));
        }
      }
      case DOOMED_THEN_RETRIED -> later(2_000 + nextInt(4_000), () -> act(id, "retry"));
      default -> {}
    }
  }

  /** Cancels or retries {@code jobs} jobs picked at random among those acknowledged. */
  String storm(String verb, int jobs) {
    for (int i = 0; i < jobs; i++) {
      UUID id = ledger.any(random); // Random is thread-safe
      if (id != null) {
        act(id, verb);
      }
    }
    if (verb.equals("retry")) {
      ChaosHttp.Reply reply = http.post(anyNodePort(), "/api/dead/retry", null);
      ledger.count("dead-retry " + reply.status());
      return jobs + " retries + bulk dead retry " + reply.status() + " " + reply.body();
    }
    return jobs + " cancels";
  }

  /** Pauses {@code count} priorities now, each resumed 1 to 5 s later. */
  String pauseStorm(int count) {
    StringBuilder what = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String priority = PRIORITIES[nextInt(PRIORITIES.length)];
      int status = http.post(anyNodePort(), "/api/queues/" + priority + "/pause", null).status();
      ledger.count("pause " + status);
      long resumeIn = 1_000 + nextInt(4_000);
      later(
          resumeIn,
          () ->
              ledger.count(
                  "resume "
                      + http.post(anyNodePort(), "/api/queues/" + priority + "/resume", null)
                          .status()));
      what.append(priority).append(" for ").append(resumeIn).append(" ms; ");
    }
    return what.toString();
  }

  /**
   * Drops every planned action and resumes every priority, retrying for up to a minute while nodes
   * or PostgreSQL come back; false when some priority could not be resumed.
   */
  boolean stopAndResumeAll() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(15, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (String priority : PRIORITIES) {
      while (!http.post(anyNodePort(), "/api/queues/" + priority + "/resume", null).ok()) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        Thread.sleep(500);
      }
    }
    return true;
  }

  private void act(UUID id, String verb) {
    ChaosHttp.Reply reply = http.post(anyNodePort(), "/api/jobs/" + id + "/" + verb, null);
    ledger.count(verb + " " + reply.status());
    ledger.action(id, verb + " -> " + reply.status());
  }

  private void later(long millis, Runnable action) {
    if (!timer.isShutdown()) {
      try {
        timer.schedule(action, millis, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException stopped) {
        // the soak is over: nothing further is done to jobs
      }
    }
  }

  /** The port of a node that is up (any node when none is: the call then simply fails). */
  private int anyNodePort() {
    int start = nextInt(nodes.count());
    for (int i = 0; i < nodes.count(); i++) {
      int node = (start + i) % nodes.count();
      if (nodes.isUp(node)) {
        return nodes.port(node);
      }
    }
    return nodes.port(start);
  }

  private synchronized int nextInt(int bound) {
    return random.nextInt(bound);
  }
}
