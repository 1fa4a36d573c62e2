package io.taskqueue.bench.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskqueue.bench.entity.ResourceUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessGroupTest {

  // pids far above any real one, so that the resident-set lookups find nothing
  private static final long POSTMASTER = 900_000_001L;
  private static final long BACKEND = 900_000_002L;
  private static final long OTHER = 900_000_003L;

  private final ProcessGroup postgres =
      new ProcessGroup("postgres", p -> p.comm().equals("postgres"));

  @Test
  void aProcessPresentAtTheFirstSampleCountsFromItsTimeThen() {
    postgres.sample(List.of(entry(POSTMASTER, "postgres", 1_000), entry(OTHER, "java", 50)));
    postgres.sample(List.of(entry(POSTMASTER, "postgres", 1_150), entry(OTHER, "java", 900)));
    ResourceUsage usage = postgres.usage(3.0, 100);
    assertEquals(1.5, usage.cpuSeconds(), 1e-9);
    assertEquals(50, usage.cpuPercent(), 1e-9);
    assertEquals(1, usage.processes());
  }

  @Test
  void aProcessStartedDuringTheWindowCountsAllItsTime() {
    postgres.sample(List.of(entry(POSTMASTER, "postgres", 1_000)));
    postgres.sample(List.of(entry(POSTMASTER, "postgres", 1_000), entry(BACKEND, "postgres", 40)));
    postgres.sample(List.of(entry(POSTMASTER, "postgres", 1_010), entry(BACKEND, "postgres", 90)));
    assertEquals(1.0, postgres.usage(1.0, 100).cpuSeconds(), 1e-9);
    assertEquals(2, postgres.usage(1.0, 100).processes());
  }

  @Test
  void aProcessThatExitedKeepsTheTimeLastSeen() {
    postgres.sample(List.of(entry(BACKEND, "postgres", 10)));
    postgres.sample(List.of(entry(BACKEND, "postgres", 60)));
    postgres.sample(List.of());
    assertEquals(0.5, postgres.usage(1.0, 100).cpuSeconds(), 1e-9);
  }

  private static ProcessTable.Entry entry(long pid, String comm, long ticks) {
    return new ProcessTable.Entry(pid, 1, comm, ticks);
  }
}
