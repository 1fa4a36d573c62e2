package io.taskqueue.bench.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineProbeTest {

  @Test
  void cpuModelIsTheFirstModelName() {
    List<String> cpuinfo =
        List.of(
            "processor\t: 0",
            "vendor_id\t: GenuineIntel",
            "model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz",
            "processor\t: 1",
            "model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz");
    assertEquals("Intel(R) Xeon(R) CPU @ 2.20GHz", MachineProbe.cpuModel(cpuinfo));
  }

  @Test
  void memoryIsMemTotalInMegabytes() {
    assertEquals(
        24105, MachineProbe.memoryMb(List.of("MemTotal:       24683728 kB", "MemFree: 1 kB")));
  }
}
