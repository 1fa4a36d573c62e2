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
  synchronized long take() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(capacity, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / perNano / 1e6);
  }
}
