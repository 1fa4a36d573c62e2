package io.taskqueue.security.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller, for a rate limit that one caller cannot spend for another. The map is
 * emptied when it holds more than {@link #MAX_CALLERS} callers, so that a flood of identities
 * cannot grow it without bound (everyone then starts again with a full bucket).
 */
final class PerCallerBuckets {

  static final int MAX_CALLERS = 10_000;

  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoClock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  PerCallerBuckets(double perSecond, double burst, LongSupplier nanoClock) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoClock = nanoClock;
  }

  /**
   * Takes {@code tokens} (at most a full bucket) from the caller's bucket: 0 when granted, else how
   * many milliseconds to wait.
   */
  long take(String callerId, double tokens) {
    if (buckets.size() > MAX_CALLERS) {
      buckets.clear();
    }
    TokenBucket bucket =
        buckets.computeIfAbsent(callerId, id -> new TokenBucket(perSecond, burst, nanoClock));
    return bucket.take(Math.min(tokens, bucket.capacity()));
  }

  int callers() {
    return buckets.size();
  }
}
