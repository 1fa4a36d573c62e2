package io.taskqueue.schedule.boundary;

import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.schedule.control.PromoteDueJobs;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Schedules this node's background tasks on the container's ManagedScheduledExecutorService.
 * Persistent EJB timers are not used: Payara Micro runs without Hazelcast here, which disables
 * them, and these tasks coordinate through Redis anyway.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
public class BackgroundDuties {

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject DispatchQueue dispatch;

  @Inject
  @ConfigProperty(name = "taskqueue.promote-interval-ms", defaultValue = "1000")
  long promoteIntervalMillis;

  private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

  @PostConstruct
  void start() {
    scheduled.add(
        scheduler.scheduleWithFixedDelay(
            new PromoteDueJobs(dispatch),
            promoteIntervalMillis,
            promoteIntervalMillis,
            TimeUnit.MILLISECONDS));
  }

  @PreDestroy
  void stop() {
    scheduled.forEach(f -> f.cancel(false));
  }
}
