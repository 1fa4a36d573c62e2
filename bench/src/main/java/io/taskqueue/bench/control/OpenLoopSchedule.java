package io.taskqueue.bench.control;

/**
 * When each submission of an open loop is due: {@code rate} per second, evenly spaced, for {@code
 * seconds}. Open means the schedule does not wait for the server, as real traffic does not; a slow
 * server then shows as latency instead of quietly lowering the rate.
 */
public record OpenLoopSchedule(int rate, int seconds) {

  /** A sender this late has not offered the rate; its latencies then understate the truth. */
  public static final long BEHIND_NANOS = 1_000_000_000L;

  public OpenLoopSchedule {
    if (rate < 1 || seconds < 1) {
      throw new IllegalArgumentException("rate and seconds must be positive");
    }
  }

  public int count() {
    return Math.multiplyExact(rate, seconds);
  }

  /** Nanoseconds from the start at which submission {@code i} (from 0) is due. */
  public long dueNanos(long i) {
    // i * 1e9 / rate in integer arithmetic: exact, and no drift over a long run
    return Math.multiplyExact(i, 1_000_000_000L) / rate;
  }

  /** How many submissions are due before {@code nanos} from the start (at most {@link #count}). */
  public int dueBefore(long nanos) {
    // the smallest i with i * 1e9 / rate >= nanos, by the same integer arithmetic as dueNanos
    long i = Math.max(0, (Math.multiplyExact(nanos, rate) + 999_999_999L) / 1_000_000_000L);
    while (i > 0 && dueNanos(i - 1) >= nanos) {
      i--;
    }
    while (i < count() && dueNanos(i) < nanos) {
      i++;
    }
    return (int) Math.min(i, count());
  }

  /**
   * The rate actually sent: the intervals between the first and the last send, over the time they
   * took. {@code count - 1} intervals, not {@code count}: the last send ends the measurement.
   */
  public static double achievedRate(int sent, long firstSendNanos, long lastSendNanos) {
    if (sent < 2 || lastSendNanos <= firstSendNanos) {
      return 0;
    }
    return (sent - 1) / ((lastSendNanos - firstSendNanos) / 1e9);
  }

  public static boolean fellBehind(long maxLagNanos) {
    return maxLagNanos > BEHIND_NANOS;
  }
}
