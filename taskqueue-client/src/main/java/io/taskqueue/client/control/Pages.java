package io.taskqueue.client.control;

import io.taskqueue.client.entity.AuditEntry;
import io.taskqueue.client.entity.Job;
import io.taskqueue.client.entity.Schedule;
import java.util.List;

/** The pages the API answers lists with, before they become streams. */
public final class Pages {

  private Pages() {}

  /** {@code GET /api/jobs} and {@code GET /api/dead}. */
  public record JobPage(List<Job> items, String nextCursor) {}

  /** {@code GET /api/schedules}. */
  public record SchedulePage(List<Schedule> items, String next) {}

  /** {@code GET /api/audit}. */
  public record AuditPage(List<AuditEntry> items, String next) {}
}
