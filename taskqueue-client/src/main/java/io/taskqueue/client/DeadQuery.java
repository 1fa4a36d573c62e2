package io.taskqueue.client;

import java.time.OffsetDateTime;

/**
 * Which dead jobs {@link DeadLetters} lists, retries or deletes: by type, by a text in the last
 * error, by when they died; null matches any. {@code pageSize} applies to listing only.
 */
public record DeadQuery(
    String type, String error, OffsetDateTime after, OffsetDateTime before, Integer pageSize) {

  public static DeadQuery all() {
    return new DeadQuery(null, null, null, null, null);
  }

  public DeadQuery withType(String type) {
    return new DeadQuery(type, error, after, before, pageSize);
  }

  public DeadQuery withError(String error) {
    return new DeadQuery(type, error, after, before, pageSize);
  }

  public DeadQuery diedAfter(OffsetDateTime after) {
    return new DeadQuery(type, error, after, before, pageSize);
  }

  public DeadQuery diedBefore(OffsetDateTime before) {
    return new DeadQuery(type, error, after, before, pageSize);
  }

  public DeadQuery withPageSize(int pageSize) {
    return new DeadQuery(type, error, after, before, pageSize);
  }
}
