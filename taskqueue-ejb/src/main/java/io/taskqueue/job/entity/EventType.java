package io.taskqueue.job.entity;

import java.util.Arrays;
import java.util.Optional;

/** Every kind of event, by its wire name ({@code job.completed}). */
public enum EventType {
  JOB_CREATED("job.created"),
  JOB_RELEASED("job.released"),
  JOB_SCHEDULED("job.scheduled"),
  JOB_STARTED("job.started"),
  JOB_COMPLETED("job.completed"),
  JOB_FAILED("job.failed"),
  JOB_RETRYING("job.retrying"),
  JOB_DEAD("job.dead"),
  JOB_CANCELLED("job.cancelled"),
  JOB_PROGRESS("job.progress"),
  JOB_LOG("job.log"),
  WORKER_UP("worker.up"),
  WORKER_DOWN("worker.down"),
  QUEUE_PAUSED("queue.paused"),
  QUEUE_RESUMED("queue.resumed");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<EventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
