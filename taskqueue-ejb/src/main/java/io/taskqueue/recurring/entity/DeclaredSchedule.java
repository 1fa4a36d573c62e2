package io.taskqueue.recurring.entity;

/**
 * A schedule an application declares in code: the request it amounts to, and the handler class
 * whose {@link io.taskqueue.Recurring} annotation declares it.
 */
public record DeclaredSchedule(String handlerClass, ScheduleRequest request) {

  public String name() {
    return request.name();
  }

  /** The same declaration, asking for the schedule to run (a retired one resumes). */
  public ScheduleRequest resumed() {
    return new ScheduleRequest(
        request.name(),
        request.cron(),
        request.timeZone(),
        request.job(),
        request.overlap(),
        request.misfire(),
        request.misfireLimit(),
        false);
  }
}
