package io.taskqueue.security.control;

import java.util.function.LongSupplier;

/** A token bucket: {@code capacity} tokens, refilled at {@code perSecond}; thread-safe. */
final class TokenBucket {

  private final double perNano;
  private final double capacity;
  private final LongSupplier nanoClock;
  private double tokens;
  private long last;

  TokenBucket(double perSecond, double capacity, LongSupplier nanoClock) {
    this.perNano = perSecond / 1e9;
    this.capacity = capacity;
    this.nanoClock = nanoClock;
    this.tokens = capacity;
    this.last = nanoClock.getAsLong();
  }

  /** Takes a token: 0 when one was there, else how many milliseconds until one will be. */
  long take() {
    return take(1);
  }

  /**
   * Takes {@code n} tokens, all or none: 0 when they were there, else how many milliseconds until
   * they will be. {@code n} must not exceed the capacity, or they never will be.
   */
  synchronized long take(double n) {
    long now = nanoClock.getAsLong();
    tokens = Math.min(capacity, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= n) {
      tokens -= n;
      return 0;
    }
    return (long) Math.ceil((n - tokens) / perNano / 1e6);
  }

  double capacity() {
    return capacity;
  }
}
