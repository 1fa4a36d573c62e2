package io.taskqueue.events.control;

import io.taskqueue.events.entity.JobEvent;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.util.Optional;

/** The events' JSON: absent parts left out, unknown fields of newer nodes ignored. */
public final class EventCodec {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

  private EventCodec() {}

  public static String toJson(JobEvent event) {
    return JSONB.toJson(event);
  }

  /** Empty for a message that is not an event (someone else publishing on the channel). */
  public static Optional<JobEvent> fromJson(String json) {
    try {
      return Optional.ofNullable(JSONB.fromJson(json, JobEvent.class));
    } catch (JsonbException e) {
      return Optional.empty();
    }
  }
}
