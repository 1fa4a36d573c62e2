package io.taskqueue.stats.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DurationHistogramTest {

  @Test
  void aPercentileIsTheUpperBoundOfItsBucketWithinNineteenPercent() {
    for (long millis : new long[] {1, 2, 3, 7, 30, 45, 999, 12_345, 3_600_000}) {
      DurationHistogram h = new DurationHistogram();
      h.add(millis);
      long p = h.percentile(0.95);
      assertTrue(p >= millis && p <= Math.ceil(millis * 1.19) + 1, millis + " -> " + p);
    }
  }

  @Test
  void theNinetyFifthPercentileIgnoresTheSlowestFivePercent() {
    DurationHistogram h = new DurationHistogram();
    for (int i = 0; i < 95; i++) {
      h.add(10);
    }
    for (int i = 0; i < 5; i++) {
      h.add(60_000);
    }
    assertEquals(11, h.percentile(0.95));
    assertTrue(h.percentile(0.99) >= 60_000);
  }

  @Test
  void histogramsAddUpBucketByBucketAndSurviveTheirArrayForm() {
    DurationHistogram a = new DurationHistogram();
    a.add(5);
    DurationHistogram b = DurationHistogram.of(a.counts());
    b.add(500);
    a.add(b);
    assertEquals(3, a.count());
    assertEquals(DurationHistogram.BUCKETS, a.counts().length);
  }

  @Test
  void nothingRecordedHasNoPercentileAndHugeRunsFallInTheLastBucket() {
    assertNull(new DurationHistogram().percentile(0.95));
    DurationHistogram h = new DurationHistogram();
    h.add(Long.MAX_VALUE / 2);
    assertEquals(1, h.counts()[DurationHistogram.BUCKETS - 1]);
  }
}
