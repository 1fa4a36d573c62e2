package io.taskqueue.metrics.boundary;

import io.taskqueue.events.boundary.EventPublisher;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.entity.QueueDepths;
import io.taskqueue.stats.boundary.JobStatistics;
import io.taskqueue.store.control.StoreErrors;
import io.taskqueue.worker.boundary.WorkerPool;
import io.taskqueue.worker.entity.NodeHealth;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Registers the gauges. Those read from Redis or PostgreSQL are cached for a second, so that a
 * scrape costs one round trip to each; a store that does not answer shows as NaN, not as an error
 * page.
 */
@Singleton
@Startup
@DependsOn("WorkerPool")
public class EngineGauges {

  @Inject MetricRegistry registry;
  @Inject DispatchQueue dispatch;
  @Inject JobStatistics statistics;
  @Inject WorkerPool workers;
  @Inject EventPublisher events;

  private final CachedReading<QueueDepths> depths = new CachedReading<>(() -> dispatch.depths());
  private final CachedReading<Map<JobStatus, Long>> counts =
      new CachedReading<>(() -> statistics.countsByStatus());

  @PostConstruct
  void register() {
    // Counters a dashboard rates over: registered at 0, so that "no errors" is a line at zero
    // rather than no series at all.
    for (String store : StoreErrors.STORES) {
      registry.counter("taskqueue.store.errors", new Tag("store", store));
    }
    for (Priority p : Priority.values()) {
      gauge(
          "taskqueue.queue.depth",
          depths,
          d -> d.waiting().get(p),
          new Tag("priority", p.wireName()));
    }
    gauge("taskqueue.jobs.inflight", depths, QueueDepths::inFlight);
    gauge("taskqueue.jobs.delayed", depths, QueueDepths::delayed);
    for (JobStatus s : JobStatus.values()) {
      gauge("taskqueue.jobs", counts, c -> c.get(s), new Tag("status", s.wireName()));
    }
    registry.gauge("taskqueue.workers.total", workers, w -> w.size());
    registry.gauge("taskqueue.workers.busy", workers, w -> busy(w.health()));
    registry.gauge("taskqueue.workers.utilisation", workers, w -> w.health().utilisation());
    registry.gauge("taskqueue.events.published", events, EventPublisher::publishedCount);
    registry.gauge("taskqueue.events.dropped", events, EventPublisher::droppedCount);
  }

  private <T> void gauge(
      String name, CachedReading<T> reading, Function<T, Number> part, Tag... tags) {
    registry.gauge(
        name, reading, r -> r.get().map(v -> part.apply(v).doubleValue()).orElse(Double.NaN), tags);
  }

  private static long busy(NodeHealth node) {
    return node.threads().stream().filter(t -> t.currentJob() != null).count();
  }

  /** A value read at most once a second; empty while its store does not answer. */
  static final class CachedReading<T> {
    private final Supplier<T> read;
    private T value;
    private long readAt;
    private boolean failed;

    CachedReading(Supplier<T> read) {
      this.read = read;
    }

    synchronized java.util.Optional<T> get() {
      long now = System.nanoTime();
      if (value == null && !failed || now - readAt > 1_000_000_000L) {
        readAt = now;
        try {
          value = read.get();
          failed = false;
        } catch (RuntimeException e) {
          value = null;
          failed = true;
        }
      }
      return java.util.Optional.ofNullable(value);
    }
  }
}
