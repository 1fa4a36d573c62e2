package io.taskqueue.events.boundary;

import io.taskqueue.events.control.EventCodec;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.job.entity.JobEvents;
import io.taskqueue.store.control.RedisKeys;
import io.taskqueue.store.control.StoreErrors;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;

/**
 * Publishes events on the Redis channel. Duties:
 *
 * <ol>
 *   <li>events committed by workers and operators go into a bounded buffer that one thread drains,
 *       publishing each batch as one message, its events one per line (a PUBLISH per event cost
 *       Redis and every subscribing node more than the event was worth): a worker never waits for
 *       Redis here;
 *   <li>when the buffer is full (Redis slow or away) events are dropped and counted, never queued
 *       without bound: events report state, PostgreSQL keeps it;
 *   <li>a submission's events are published at once, by the submitting thread, just before its jobs
 *       reach Redis ({@link #publishNow}), so no {@code job.started} can overtake them.
 * </ol>
 */
@ApplicationScoped
public class EventPublisher {

  private static final Logger LOG = Logger.getLogger(EventPublisher.class.getName());
  private static final int BATCH = 500;

  @Inject RedisClient redis;
  @Inject RedisKeys keys;
  @Inject StoreErrors errors;
  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "taskqueue.events.buffer", defaultValue = "50000")
  int bufferSize;

  private BlockingQueue<JobEvent> buffer;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean running = true;
  private Thread drainer;

  @PostConstruct
  void start() {
    buffer = new ArrayBlockingQueue<>(bufferSize);
    drainer = threads.newThread(this::drain);
    drainer.setName("taskqueue-event-publisher");
    drainer.start();
  }

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobEvents events) {
    if (!events.publishedWithDispatch()) {
      publishLater(events.events());
    }
  }

  /** Queues events for the publishing thread; drops (and counts) what does not fit. */
  public void publishLater(List<JobEvent> events) {
    for (JobEvent event : events) {
      if (!buffer.offer(event)) {
        dropped.incrementAndGet();
      }
    }
  }

  /** Publishes in the caller's thread, in one round trip; failures are counted, not thrown. */
  public void publishNow(List<JobEvent> events) {
    try {
      send(events);
    } catch (RuntimeException e) {
      dropped.addAndGet(events.size());
      errors.record(e);
      LOG.log(Level.FINE, "Could not publish " + events.size() + " event(s)", e);
    }
  }

  public long publishedCount() {
    return published.get();
  }

  public long droppedCount() {
    return dropped.get();
  }

  public boolean isAlive() {
    return drainer != null && drainer.isAlive();
  }

  private void drain() {
    List<JobEvent> batch = new ArrayList<>(BATCH);
    while (running) {
      try {
        JobEvent first = buffer.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        buffer.drainTo(batch, BATCH - 1);
        publishNow(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void send(List<JobEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    redis.publish(keys.events(), EventCodec.toLines(events));
    published.addAndGet(events.size());
  }

  @PreDestroy
  void stop() {
    running = false;
    if (drainer != null) {
      drainer.interrupt();
    }
  }
}
