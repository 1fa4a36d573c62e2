package io.taskqueue.bench.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProcStatTest {

  /** A real line of /proc/<pid>/stat of a Payara Micro JVM: utime 15321, stime 1873. */
  private static final String JAVA =
      "7143 (java) S 7066 7066 6950 0 -1 4194560 310236 0 12 0 15321 1873 0 0 20 0 98 0"
          + " 1094210 5154770944 129535 18446744073709551615 94558011441152 94558011442056"
          + " 140726707254016 0 0 0 0 16781312 16386 0 0 0 17 1 0 0 0 0 0";

  /** The command name may hold spaces and parentheses; fields count from the last ')'. */
  private static final String ODD_NAME =
      "42 (a) b (c) R 1 42 42 0 -1 4194304 100 0 0 0 7 3 0 0 20 0 1 0 500 1000 10 0";

  @Test
  void cpuTicksAreUserPlusSystemTime() {
    assertEquals(15321 + 1873, ProcStat.cpuTicks(JAVA));
  }

  @Test
  void commIsWhatTheOuterParenthesesEnclose() {
    assertEquals("java", ProcStat.comm(JAVA));
    assertEquals("a) b (c", ProcStat.comm(ODD_NAME));
  }

  @Test
  void fieldsAreCountedFromTheLastClosingParenthesis() {
    assertEquals(7 + 3, ProcStat.cpuTicks(ODD_NAME));
  }

  @Test
  void theParentIsTheFieldAfterTheState() {
    assertEquals(7066, ProcStat.ppid(JAVA));
    assertEquals(1, ProcStat.ppid(ODD_NAME));
  }

  @Test
  void rssIsReadFromVmRssInKilobytes() {
    String status =
        "Name:\tpostgres\nUmask:\t0077\nState:\tS (sleeping)\nVmPeak:\t  226000 kB\n"
            + "VmRSS:\t   28412 kB\nRssAnon:\t    3300 kB\nThreads:\t1\n";
    assertEquals(28412, ProcStat.rssKb(status));
  }

  @Test
  void aKernelThreadHasNoResidentSet() {
    assertEquals(0, ProcStat.rssKb("Name:\tkthreadd\nState:\tS (sleeping)\nThreads:\t1\n"));
  }

  @Test
  void machineBusyTimeIsEverythingButIdleAndIowait() {
    // user nice system idle iowait irq softirq steal guest guest_nice
    String cpu = "cpu  1000 20 300 90000 500 4 6 70 100 0";
    assertEquals(1000 + 20 + 300 + 4 + 6 + 70, ProcStat.machineBusyTicks(cpu));
  }
}
