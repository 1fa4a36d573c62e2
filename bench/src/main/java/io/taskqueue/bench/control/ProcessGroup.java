package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.ResourceUsage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The CPU time and resident memory of a set of processes over a window, from repeated samples.
 *
 * <p>A process already there at the first sample counts from its CPU time at that sample; one that
 * appears later (a new PostgreSQL backend) counts from zero, since all of its life fell inside the
 * window. A process that exits between samples loses its last few ticks: negligible at 100 ms. A
 * process is a member once its command name matches; a pid reused by another program is not told
 * apart, which in a window of seconds does not happen in practice.
 */
final class ProcessGroup {

  private final String name;
  private final Predicate<ProcessTable.Entry> member;
  private final Map<Long, Long> firstTicks = new HashMap<>();
  private final Map<Long, Long> lastTicks = new HashMap<>();
  private boolean started;
  private long peakRssKb;

  ProcessGroup(String name, Predicate<ProcessTable.Entry> member) {
    this.name = name;
    this.member = member;
  }

  boolean wants(ProcessTable.Entry process) {
    return member.test(process);
  }

  void sample(List<ProcessTable.Entry> processes) {
    long rssKb = 0;
    for (ProcessTable.Entry process : processes) {
      if (member.test(process)) {
        firstTicks.putIfAbsent(process.pid(), started ? 0 : process.cpuTicks());
        lastTicks.put(process.pid(), process.cpuTicks());
        rssKb += ProcessTable.rssKb(process.pid());
      }
    }
    started = true;
    peakRssKb = Math.max(peakRssKb, rssKb);
  }

  ResourceUsage usage(double wallSeconds, double ticksPerSecond) {
    long ticks = 0;
    for (Map.Entry<Long, Long> last : lastTicks.entrySet()) {
      ticks += last.getValue() - firstTicks.get(last.getKey());
    }
    double cpuSeconds = ticks / ticksPerSecond;
    return new ResourceUsage(
        name,
        cpuSeconds,
        wallSeconds > 0 ? 100 * cpuSeconds / wallSeconds : 0,
        peakRssKb / 1024.0,
        lastTicks.size());
  }
}
