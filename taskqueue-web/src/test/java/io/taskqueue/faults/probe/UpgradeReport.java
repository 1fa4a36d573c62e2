package io.taskqueue.faults.probe;

import io.taskqueue.JobContext;
import io.taskqueue.JobDefaults;
import io.taskqueue.JobHandler;
import io.taskqueue.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * A job type that only the new version of an application has, for {@link
 * io.taskqueue.faults.RollingUpgradeClusterIT}: old nodes have no handler for it.
 */
@ApplicationScoped
public class UpgradeReport implements JobHandler {

  public static final String TYPE = "upgrade.report";

  @Override
  public String type() {
    return TYPE;
  }

  /** Defaults only the new node knows: the old one learns them from the registry. */
  @Override
  public JobDefaults defaults() {
    return JobDefaults.none().priority(Priority.HIGH).maxAttempts(2);
  }

  @Override
  public Object handle(JobContext context) throws InterruptedException {
    Thread.sleep(50);
    return Map.of("ranOn", System.getProperty("taskqueue.node.name", "?"));
  }
}
