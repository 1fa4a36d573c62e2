package io.taskqueue.recurring.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What happens to fire times missed while no node could fire them (all were down, or frozen) longer
 * than the grace period: {@code skip} drops them; {@code fire-once} submits one job for the latest
 * of them; {@code fire-all} submits one for each, up to the schedule's misfire limit (the latest
 * ones; older ones are dropped).
 */
public enum MisfirePolicy {
  SKIP,
  FIRE_ONCE,
  FIRE_ALL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<MisfirePolicy> fromWireName(String name) {
    return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
  }
}
