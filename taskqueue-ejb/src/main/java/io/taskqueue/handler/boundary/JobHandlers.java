package io.taskqueue.handler.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@link JobHandler} bean of the deployment, by job type, without the diagnostic ones unless
 * they are enabled. Two for one type fail the boot.
 */
@ApplicationScoped
public class JobHandlers {

  @Inject @Any Instance<JobHandler> beans;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.diagnostic.enabled", defaultValue = "false")
  boolean diagnosticEnabled;

  private final Map<String, JobHandler> byType = new TreeMap<>();

  @PostConstruct
  void collect() {
    for (JobHandler handler : beans) {
      if (handler.diagnostic() && !diagnosticEnabled) {
        continue;
      }
      JobHandler earlier = byType.putIfAbsent(handler.type(), handler);
      if (earlier != null) {
        throw new IllegalStateException(
            "two handlers for job type '"
                + handler.type()
                + "': "
                + earlier.getClass().getName()
                + " and "
                + handler.getClass().getName());
      }
    }
  }

  public Optional<JobHandler> forType(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  public SortedSet<String> knownTypes() {
    return new TreeSet<>(byType.keySet());
  }
}
