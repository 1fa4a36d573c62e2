package io.taskqueue.recurring.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a fire time does while the schedule's previous job is unfinished: {@code allow} submits
 * another one anyway, {@code skip} submits nothing (and records the skip).
 */
public enum OverlapPolicy {
  ALLOW,
  SKIP;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<OverlapPolicy> fromWireName(String name) {
    return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
  }
}
