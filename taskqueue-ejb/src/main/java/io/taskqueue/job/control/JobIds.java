package io.taskqueue.job.control;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDv7 ids (RFC 9562): 48 bits of Unix milliseconds, then randomness, so ids sort by creation
 * time and new rows land at the right edge of the primary-key index. Within one millisecond a
 * counter keeps ids of this JVM increasing.
 */
public final class JobIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static long lastMillis;
  private static long sequence;

  private JobIds() {}

  public static synchronized UUID next() {
    long now = System.currentTimeMillis();
    if (now > lastMillis) {
      lastMillis = now;
      sequence = RANDOM.nextInt(1 << 11);
    } else if (++sequence >= (1 << 12)) {
      lastMillis++;
      sequence = 0;
    }
    long high = (lastMillis << 16) | 0x7000L | sequence;
    long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
