package io.taskqueue.faults.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The faults injected, in order, each with its time since the start and what it hit. */
final class FaultLog {

  /** One injected (or skipped) fault. */
  record Entry(String at, Fault kind, String detail) {}

  /** Every kind of fault the driver injects. */
  enum Fault {
    NODE_SIGKILL,
    NODE_SIGSTOP_SIGCONT,
    REDIS_FLUSHALL,
    REDIS_SIGKILL_AOF_RESTART,
    POSTGRES_IMMEDIATE_RESTART,
    NODE_RESTART_WHILE_POSTGRES_DOWN,
    CANCEL_STORM,
    RETRY_STORM,
    PAUSE_STORM
  }

  private final List<Entry> entries = new ArrayList<>();

  synchronized void add(String at, Fault kind, String detail) {
    entries.add(new Entry(at, kind, detail));
    System.out.println("CHAOS " + at + " " + kind + " " + detail);
  }

  synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** How many of each kind were injected; every kind is listed, zero included. */
  synchronized Map<Fault, Integer> counts() {
    Map<Fault, Integer> counts = new TreeMap<>();
    for (Fault f : Fault.values()) {
      counts.put(f, 0);
    }
    for (Entry e : entries) {
      if (!e.detail().startsWith("skipped")) {
        counts.merge(e.kind(), 1, Integer::sum);
      }
    }
    return counts;
  }
}
