package io.taskqueue.retention.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionSettingsTest {

  @Test
  void aBatchThatTookTMillisecondsIsFollowedByAPauseThatKeepsTheRoundToItsShare() {
    RetentionPacing quarter = new RetentionPacing(1_000, Duration.ofSeconds(10), 0.25);
    assertEquals(Duration.ofMillis(150), quarter.pauseAfter(Duration.ofMillis(50)));
    RetentionPacing all = new RetentionPacing(1_000, Duration.ofSeconds(10), 1.0);
    assertEquals(Duration.ZERO, all.pauseAfter(Duration.ofMillis(50)));
  }

  @Test
  void pacingOutsideItsBoundsIsRefusedNamingTheKey() {
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> new RetentionPacing(0, Duration.ofSeconds(1), 0.5))
            .getMessage()
            .contains("taskqueue.retention.batch"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> new RetentionPacing(10, Duration.ofSeconds(1), 0))
            .getMessage()
            .contains("taskqueue.retention.db-share"));
    assertThrows(IllegalArgumentException.class, () -> new RetentionPacing(10, Duration.ZERO, 0.5));
  }

  @Test
  void agesAreZeroForEverToAHundredYears() {
    assertEquals(0, new RetentionAges(0, 0, 0, 0).completedDays());
    assertThrows(IllegalArgumentException.class, () -> new RetentionAges(-1, 30, 30, 365));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetentionAges(7, RetentionAges.MAX_DAYS + 1, 30, 365));
  }

  @Test
  void aChangeNamesKnownAgesWithDaysOrNullAndAtLeastOne() {
    Map<String, Integer> backToConfigured = new HashMap<>();
    backToConfigured.put("auditDays", null);
    assertEquals(backToConfigured, new RetentionChange(backToConfigured).days());
    assertThrows(IllegalArgumentException.class, () -> new RetentionChange(Map.of()));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> new RetentionChange(Map.of("keepForever", 1)))
            .getMessage()
            .contains("completedDays"));
    assertThrows(IllegalArgumentException.class, () -> new RetentionChange(Map.of("deadDays", -1)));
  }
}
