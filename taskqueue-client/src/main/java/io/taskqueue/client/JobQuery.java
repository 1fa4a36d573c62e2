package io.taskqueue.client;

import io.taskqueue.client.entity.JobStatus;
import io.taskqueue.client.entity.Priority;

/**
 * Which jobs {@link Jobs#list(JobQuery)} reads, newest first: null matches any; {@code pageSize}
 * (1–200, default 50) is how many each request fetches.
 */
public record JobQuery(JobStatus status, String type, Priority priority, Integer pageSize) {

  public static JobQuery all() {
    return new JobQuery(null, null, null, null);
  }

  public JobQuery withStatus(JobStatus status) {
    return new JobQuery(status, type, priority, pageSize);
  }

  public JobQuery withType(String type) {
    return new JobQuery(status, type, priority, pageSize);
  }

  public JobQuery withPriority(Priority priority) {
    return new JobQuery(status, type, priority, pageSize);
  }

  public JobQuery withPageSize(int pageSize) {
    return new JobQuery(status, type, priority, pageSize);
  }
}
