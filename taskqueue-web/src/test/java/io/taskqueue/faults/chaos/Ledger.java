package io.taskqueue.faults.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every submission the soak made and what came of it: the acknowledged jobs (201, 202 or 200) with
 * their kind, and every operator action on each, so a violation can be shown with its story.
 */
final class Ledger {

  /** An acknowledged job. */
  record Entry(UUID id, JobMix.Kind kind, String node, int status, List<String> actions) {}

  private static final int RECENT = 200;

  private final long startNanos;
  private final Map<UUID, Entry> jobs = new ConcurrentHashMap<>();
  private final List<UUID> order = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> requests = new TreeMap<>();

  Ledger(long startNanos) {
    this.startNanos = startNanos;
  }

  /** Seconds since the soak began, as every report line shows times. */
  String now() {
    return String.format("t+%.1fs", (System.nanoTime() - startNanos) / 1e9);
  }

  void acknowledged(UUID id, JobMix.Kind kind, String node, int status) {
    jobs.put(id, new Entry(id, kind, node, status, new CopyOnWriteArrayList<>()));
    order.add(id);
  }

  /**
   * Counts a request's outcome under {@code what}, such as {@code submit 201} or {@code cancel
   * 409}.
   */
  synchronized void count(String what) {
    requests.merge(what, 1, Integer::sum);
  }

  void action(UUID id, String what) {
    Entry entry = jobs.get(id);
    if (entry != null) {
      entry.actions().add(now() + " " + what);
    }
  }

  Entry get(UUID id) {
    return jobs.get(id);
  }

  int size() {
    return order.size();
  }

  List<UUID> ids() {
    return new ArrayList<>(order);
  }

  /**
   * A job picked at random among those acknowledged so far, four times in five among the latest
   * {@value #RECENT}: those are the ones likely still waiting or running, where a cancel or a retry
   * races the engine. Null before the first.
   */
  UUID any(Random random) {
    int n = order.size();
    if (n == 0) {
      return null;
    }
    int from = random.nextInt(5) == 0 ? 0 : Math.max(0, n - RECENT);
    return order.get(from + random.nextInt(n - from));
  }

  synchronized Map<String, Integer> requests() {
    return new TreeMap<>(requests);
  }
}
