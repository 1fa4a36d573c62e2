package io.taskqueue.client;

import static io.taskqueue.client.control.Transport.segment;

import io.taskqueue.client.control.Call;
import io.taskqueue.client.control.KeysetPages;
import io.taskqueue.client.control.Pages.SchedulePage;
import io.taskqueue.client.control.Transport;
import io.taskqueue.client.entity.Job;
import io.taskqueue.client.entity.Schedule;
import io.taskqueue.client.entity.SchedulePreview;
import io.taskqueue.client.entity.ScheduleRequest;
import java.util.stream.Stream;

/** {@code /api/schedules}: recurring jobs on cron expressions. */
public final class Schedules {

  private final Transport transport;

  Schedules(Transport transport) {
    this.transport = transport;
  }

  /** Creates a schedule; {@link ConflictException} when the name is taken. */
  public Schedule create(ScheduleRequest schedule) {
    return transport.send(Call.post("createSchedule", "api/schedules", schedule), Schedule.class);
  }

  /** Every schedule, by name, a page at a time. */
  public Stream<Schedule> list() {
    return KeysetPages.stream(
        after ->
            transport.send(
                Call.get("listSchedules", "api/schedules").query("after", after),
                SchedulePage.class),
        SchedulePage::items,
        SchedulePage::next);
  }

  /** What {@code cron} means in {@code timeZone} (null: UTC): its next {@code count} fire times. */
  public SchedulePreview preview(String cron, String timeZone, int count) {
    return transport.send(
        Call.get("previewSchedule", "api/schedules/preview")
            .query("cron", cron)
            .query("timeZone", timeZone)
            .query("count", count),
        SchedulePreview.class);
  }

  public Schedule get(String name) {
    return transport.send(Call.get("getSchedule", path(name)), Schedule.class);
  }

  /**
   * Changes a schedule; {@link ConflictException} for one declared in code ({@code @Recurring}).
   */
  public Schedule update(String name, ScheduleRequest schedule) {
    return transport.send(Call.put("updateSchedule", path(name), schedule), Schedule.class);
  }

  public Schedule pause(String name) {
    return transport.send(
        Call.post("pauseSchedule", path(name) + "/pause", null).idempotent(), Schedule.class);
  }

  public Schedule resume(String name) {
    return transport.send(
        Call.post("resumeSchedule", path(name) + "/resume", null).idempotent(), Schedule.class);
  }

  /** Deletes a schedule; the jobs it submitted stay. */
  public void delete(String name) {
    transport.send(Call.delete("deleteSchedule", path(name)), Void.class);
  }

  /** Submits the schedule's job now, whatever its timing, pause or overlap policy. */
  public Job run(String name) {
    return transport.send(Call.post("runSchedule", path(name) + "/run", null), Job.class);
  }

  private static String path(String name) {
    return "api/schedules/" + segment(name);
  }
}
