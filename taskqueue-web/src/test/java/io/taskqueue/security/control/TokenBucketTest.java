package io.taskqueue.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void aFullBucketAllowsItsBurstThenSaysHowLongToWait() {
    TokenBucket bucket = new TokenBucket(10, 3, now::get);
    assertEquals(0, bucket.take());
    assertEquals(0, bucket.take());
    assertEquals(0, bucket.take());
    assertEquals(100, bucket.take(), "10 per second: the next token in 100 ms");
  }

  @Test
  void tokensComeBackAtTheRateButNeverAboveTheBurst() {
    TokenBucket bucket = new TokenBucket(10, 2, now::get);
    bucket.take();
    bucket.take();
    now.addAndGet(50_000_000L);
    assertEquals(50, bucket.take(), "half a token after 50 ms");
    now.addAndGet(10_000_000_000L);
    assertEquals(0, bucket.take());
    assertEquals(0, bucket.take());
    assertEquals(100, bucket.take(), "ten seconds idle refill only the burst of 2");
  }
}
