package io.taskqueue.job.entity;

import java.time.OffsetDateTime;

/** The latest progress the job's handler reported: 0 to 100, what it was doing, when. */
public record ProgressView(int percent, String message, OffsetDateTime at) {

  static ProgressView of(Integer percent, String message, OffsetDateTime at) {
    return percent == null ? null : new ProgressView(percent, message, at);
  }
}
