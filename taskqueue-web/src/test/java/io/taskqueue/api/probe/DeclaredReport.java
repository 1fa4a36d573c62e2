package io.taskqueue.api.probe;

import io.taskqueue.JobContext;
import io.taskqueue.JobDefaults;
import io.taskqueue.JobHandler;
import io.taskqueue.Priority;
import io.taskqueue.Recurring;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A handler of the test application's own that declares two schedules in code: one with every
 * attribute, one whose cron comes from configuration (not set here, so its default). Their cron
 * expressions fire once a year, so that no other test sees their jobs.
 */
@Recurring(
    name = DeclaredReport.YEARLY,
    cron = "30 2 1 1 *",
    zone = "Europe/Berlin",
    payload = "{\"format\":\"pdf\"}",
    overlap = Recurring.Overlap.SKIP,
    misfire = Recurring.Misfire.FIRE_ONCE)
@Recurring(name = DeclaredReport.CONFIGURED, cron = "${probe.report.cron:0 4 1 1 *}")
@ApplicationScoped
public class DeclaredReport implements JobHandler {

  public static final String TYPE = "probe.report";
  public static final String YEARLY = "probe-yearly-report";
  public static final String CONFIGURED = "probe-configured-report";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JobDefaults defaults() {
    return JobDefaults.none().priority(Priority.HIGH);
  }

  @Override
  public Object handle(JobContext context) {
    return context.payload();
  }
}
