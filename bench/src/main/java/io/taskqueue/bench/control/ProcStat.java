package io.taskqueue.bench.control;

/**
 * Reads the two {@code /proc} files the samplers need (see proc(5)).
 *
 * <p>{@code /proc/<pid>/stat} is {@code pid (comm) state ppid ...}, with utime and stime the 14th
 * and 15th fields, in clock ticks. The command name may itself hold spaces and parentheses, so the
 * fields are counted from the <em>last</em> closing parenthesis.
 */
public final class ProcStat {

  private static final int UTIME_AFTER_COMM = 11; // field 14, counting state (field 3) as 0

  private ProcStat() {}

  /** The command name, as the kernel truncated it (15 characters at most). */
  public static String comm(String statLine) {
    return statLine.substring(statLine.indexOf('(') + 1, statLine.lastIndexOf(')'));
  }

  /** The parent's pid. */
  public static long ppid(String statLine) {
    return Long.parseLong(afterComm(statLine)[1]);
  }

  /** User plus system CPU time of the process so far, in clock ticks. */
  public static long cpuTicks(String statLine) {
    String[] fields = afterComm(statLine);
    return Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[UTIME_AFTER_COMM + 1]);
  }

  private static String[] afterComm(String statLine) {
    return statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" ");
  }

  /**
   * CPU time the whole machine spent busy, in clock ticks, from the first line of {@code
   * /proc/stat}: {@code cpu user nice system idle iowait irq softirq steal ...}. Guest time is
   * already part of user time, and idle and iowait are not busy.
   */
  public static long machineBusyTicks(String procStatCpuLine) {
    String[] f = procStatCpuLine.trim().split("\\s+");
    long busy = 0;
    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
      busy += i < f.length ? Long.parseLong(f[i]) : 0;
    }
    return busy;
  }

  /** {@code VmRSS} of {@code /proc/<pid>/status} in kB; 0 for a kernel thread or a zombie. */
  public static long rssKb(String statusText) {
    for (String line : statusText.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
      }
    }
    return 0;
  }
}
