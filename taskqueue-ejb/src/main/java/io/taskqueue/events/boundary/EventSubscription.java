package io.taskqueue.events.boundary;

import io.taskqueue.events.control.EventCodec;
import io.taskqueue.events.entity.RelayedEvent;
import io.taskqueue.store.control.RedisKeys;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * Listens on the Redis events channel for the life of the application and fires each event to this
 * node's listeners (the WebSocket relay) as a {@link RelayedEvent}. Resubscribes after a Redis
 * outage; events published meanwhile are missed, as Pub/Sub does not keep them.
 */
@Singleton
@Startup
public class EventSubscription {

  private static final Logger LOG = Logger.getLogger(EventSubscription.class.getName());
  private static final long RESUBSCRIBE_PAUSE_MS = 1_000;

  @Inject RedisClient redis;
  @Inject RedisKeys keys;
  @Resource ManagedThreadFactory threads;

  private final List<Consumer<RelayedEvent>> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;
  private volatile JedisPubSub subscriber;
  private Thread listener;

  @PostConstruct
  void start() {
    listener = threads.newThread(this::listen);
    listener.setName("taskqueue-event-subscription");
    listener.start();
  }

  /**
   * Adds a listener, called on the subscription's thread for every event: it must not block. A
   * registration rather than a CDI event, since in an EAR the web module's beans are not visible to
   * events fired from the EJB module.
   */
  public void addListener(Consumer<RelayedEvent> listener) {
    listeners.add(listener);
  }

  public void removeListener(Consumer<RelayedEvent> listener) {
    listeners.remove(listener);
  }

  /** True while the listening thread runs and holds its subscription. */
  public boolean isSubscribed() {
    JedisPubSub current = subscriber;
    return current != null && current.isSubscribed();
  }

  public boolean isAlive() {
    return listener != null && listener.isAlive();
  }

  private void relay(RelayedEvent event) {
    for (Consumer<RelayedEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "An event listener failed", e);
      }
    }
  }

  private void listen() {
    while (running) {
      try {
        subscriber = new Relay();
        redis.subscribe(subscriber, keys.events());
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Event subscription lost; resubscribing", e);
      }
      if (running && !pause()) {
        return;
      }
    }
  }

  private static boolean pause() {
    try {
      Thread.sleep(RESUBSCRIBE_PAUSE_MS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    if (isSubscribed()) {
      subscriber.unsubscribe();
    }
  }

  private final class Relay extends JedisPubSub {
    @Override
    public void onMessage(String channel, String message) {
      for (String event : EventCodec.lines(message)) {
        relay(new RelayedEvent(event, EventCodec::fromJson));
      }
    }
  }
}
