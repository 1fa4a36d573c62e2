package io.taskqueue.metrics.control;

import io.taskqueue.job.entity.EventType;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.job.entity.JobEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Job counters and timers, fed by the events this node commits (so each node counts what it did,
 * and a scrape of every node sums to the cluster's totals). Counters carry the job type and
 * priority; job types are bounded, as only registered handlers' types are accepted. Run and wait
 * times are histograms in milliseconds: Payara's Prometheus output of timers mixes nanoseconds
 * (quantiles) with seconds (sum), which would mislead a dashboard.
 */
@ApplicationScoped
public class JobMetrics {

  /** Event type to counter name; an event type not listed is not counted. */
  static final Map<String, String> COUNTERS =
      Map.of(
          EventType.JOB_CREATED.wireName(), "taskqueue.jobs.submitted",
          EventType.JOB_SCHEDULED.wireName(), "taskqueue.jobs.submitted",
          EventType.JOB_STARTED.wireName(), "taskqueue.jobs.started",
          EventType.JOB_COMPLETED.wireName(), "taskqueue.jobs.completed",
          EventType.JOB_FAILED.wireName(), "taskqueue.jobs.failed",
          EventType.JOB_RETRYING.wireName(), "taskqueue.jobs.retried",
          EventType.JOB_DEAD.wireName(), "taskqueue.jobs.dead",
          EventType.JOB_CANCELLED.wireName(), "taskqueue.jobs.cancelled");

  @Inject MetricRegistry registry;

  private static final Set<String> NAMES = Set.copyOf(COUNTERS.values());

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Set<String> series = ConcurrentHashMap.newKeySet();
  private final Map<String, Histogram> histograms = new ConcurrentHashMap<>();

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobEvents events) {
    for (JobEvent event : events.events()) {
      record(event);
    }
  }

  void record(JobEvent event) {
    String counter = COUNTERS.get(event.type());
    if (counter == null || event.jobType() == null) {
      return;
    }
    // The first event of a type and priority registers all its counters at 0: a dashboard that
    // rates retries or deaths then draws a line at zero instead of finding no series.
    if (series.add(event.jobType() + '|' + event.priority())) {
      for (String name : NAMES) {
        counter(name, event.jobType(), event.priority());
      }
    }
    counter(counter, event.jobType(), event.priority()).inc();
    if (event.durationMs() != null) {
      histogram("taskqueue.job.processing.ms", event.jobType()).update(event.durationMs());
    }
    if (event.waitMs() != null) {
      histogram("taskqueue.job.wait.ms", event.jobType()).update(event.waitMs());
    }
  }

  private Counter counter(String name, String jobType, String priority) {
    return counters.computeIfAbsent(
        name + '|' + jobType + '|' + priority,
        key -> registry.counter(name, new Tag("type", jobType), new Tag("priority", priority)));
  }

  /** Looked up once per name and job type: a registry lookup per event showed in profiles. */
  private Histogram histogram(String name, String jobType) {
    return histograms.computeIfAbsent(
        name + '|' + jobType, key -> registry.histogram(name, new Tag("type", jobType)));
  }
}
