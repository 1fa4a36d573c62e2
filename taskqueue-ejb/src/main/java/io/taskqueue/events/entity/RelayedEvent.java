package io.taskqueue.events.entity;

import io.taskqueue.job.entity.JobEvent;
import java.util.Optional;
import java.util.function.Function;

/**
 * A message heard on the Redis channel, from any node (this one included), fired to this node's
 * listeners: its JSON as published, and the event it carries, parsed only when a listener asks
 * (with no console open, nobody does, and parsing every event would be wasted work).
 */
public final class RelayedEvent {

  private final String json;
  private final Function<String, Optional<JobEvent>> parser;
  private Optional<JobEvent> event; // guarded by this

  public RelayedEvent(String json, Function<String, Optional<JobEvent>> parser) {
    this.json = json;
    this.parser = parser;
  }

  public String json() {
    return json;
  }

  /** The event; empty when the message is not one (someone else publishing on the channel). */
  public synchronized Optional<JobEvent> event() {
    if (event == null) {
      event = parser.apply(json);
    }
    return event;
  }
}
