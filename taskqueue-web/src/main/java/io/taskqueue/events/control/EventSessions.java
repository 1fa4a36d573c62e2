package io.taskqueue.events.control;

import io.taskqueue.events.boundary.EventSubscription;
import io.taskqueue.events.entity.RelayedEvent;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.security.boundary.ApiKeys;
import io.taskqueue.security.control.LapsedSignIns;
import io.taskqueue.security.entity.SignIn;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * This node's WebSocket clients. Duties:
 *
 * <ol>
 *   <li>hand every relayed event to each client whose filter wants it;
 *   <li>drop a client that falls {@code taskqueue.ws.max-pending} messages or {@code
 *       taskqueue.ws.max-pending-bytes} bytes behind, closing it with a reason (on another thread:
 *       a close must not stall the relay);
 *   <li>ping every client each {@code taskqueue.ws.ping-ms}, so proxies keep idle connections;
 *   <li>every {@code taskqueue.ws.sign-in-check-ms}, close (1008) each client whose API key was
 *       revoked or expired, or whose token expired, since it opened (see {@link LapsedSignIns}).
 * </ol>
 */
@ApplicationScoped
public class EventSessions {

  private static final Logger LOG = Logger.getLogger(EventSessions.class.getName());
  static final CloseReason TOO_SLOW =
      new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow: events were not read");
  static final CloseReason SIGN_IN_LAPSED =
      new CloseReason(
          CloseReason.CloseCodes.VIOLATED_POLICY, "credentials revoked or expired: sign in again");

  @Resource ManagedScheduledExecutorService executor;
  @Inject MetricRegistry metrics;
  @Inject EventSubscription subscription;
  @Inject ApiKeys keys;

  @Inject
  @ConfigProperty(name = "taskqueue.ws.max-pending", defaultValue = "5000")
  int maxPending;

  @Inject
  @ConfigProperty(name = "taskqueue.ws.max-pending-bytes", defaultValue = "4194304")
  long maxPendingBytes;

  @Inject
  @ConfigProperty(name = "taskqueue.ws.max-sessions", defaultValue = "200")
  int maxSessions;

  @Inject
  @ConfigProperty(name = "taskqueue.ws.max-sessions-per-caller", defaultValue = "20")
  int maxSessionsPerCaller;

  @Inject
  @ConfigProperty(name = "taskqueue.ws.ping-ms", defaultValue = "25000")
  long pingMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.ws.sign-in-check-ms", defaultValue = "2000")
  long signInCheckMillis;

  LapsedSignIns lapsedSignIns;

  private final Map<String, SessionFeed> feeds = new ConcurrentHashMap<>();
  private final Map<String, SignIn> signIns = new ConcurrentHashMap<>();
  private final Map<String, String> callers = new ConcurrentHashMap<>();
  private final AtomicLong droppedSlow = new AtomicLong();
  private final AtomicLong closedLapsed = new AtomicLong();
  private ScheduledFuture<?> pings;
  private ScheduledFuture<?> signInChecks;

  @PostConstruct
  void start() {
    metrics.gauge("taskqueue.ws.sessions", this, EventSessions::sessionCount);
    metrics.gauge("taskqueue.ws.dropped", this, EventSessions::droppedSlowCount);
    metrics.gauge("taskqueue.ws.buffered", this, EventSessions::bufferedCount);
    metrics.gauge("taskqueue.ws.closed-lapsed", this, EventSessions::closedLapsedCount);
    lapsedSignIns = new LapsedSignIns(Clock.systemUTC(), keys::activeAmong);
    subscription.addListener(relay);
    pings =
        executor.scheduleWithFixedDelay(
            this::pingAll, pingMillis, pingMillis, TimeUnit.MILLISECONDS);
    signInChecks =
        executor.scheduleWithFixedDelay(
            this::closeLapsed, signInCheckMillis, signInCheckMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Registers {@code caller}'s client, which is served while {@code signIn} holds; empty when this
   * node already serves its maximum, or the caller its share of it (so that one viewer cannot take
   * every slot).
   */
  public synchronized Optional<SessionFeed> open(
      Session session, EventFilter filter, SignIn signIn, String caller) {
    if (feeds.size() >= maxSessions
        || callers.values().stream().filter(caller::equals).count() >= maxSessionsPerCaller) {
      return Optional.empty();
    }
    SessionFeed feed = new SessionFeed(session, filter, maxPending, maxPendingBytes);
    signIns.put(session.getId(), signIn);
    callers.put(session.getId(), caller);
    feeds.put(session.getId(), feed);
    return Optional.of(feed);
  }

  public Optional<SessionFeed> feed(Session session) {
    return Optional.ofNullable(feeds.get(session.getId()));
  }

  public void closed(Session session) {
    signIns.remove(session.getId());
    callers.remove(session.getId());
    SessionFeed feed = feeds.remove(session.getId());
    if (feed != null) {
      feed.close();
    }
  }

  public int sessionCount() {
    return feeds.size();
  }

  public long droppedSlowCount() {
    return droppedSlow.get();
  }

  public long closedLapsedCount() {
    return closedLapsed.get();
  }

  /** Messages held for all clients: waiting here, or sent and not yet confirmed by a pong. */
  public long bufferedCount() {
    return feeds.values().stream().mapToLong(f -> f.pendingCount() + f.unconfirmedCount()).sum();
  }

  private final Consumer<RelayedEvent> relay = this::relay;

  private void relay(RelayedEvent relayed) {
    if (feeds.isEmpty()) {
      return;
    }
    JobEvent event = relayed.event().orElse(null);
    if (event == null) {
      return;
    }
    for (SessionFeed feed : feeds.values()) {
      if (feed.wants(event) && !feed.offer(relayed.json())) {
        drop(feed);
      }
    }
  }

  /** Closes a client that fell too far behind (1013), on another thread; counts it once. */
  public void drop(SessionFeed feed) {
    if (feeds.remove(feed.session().getId()) == null) {
      return;
    }
    signIns.remove(feed.session().getId());
    droppedSlow.incrementAndGet();
    LOG.info(() -> "Dropped slow event client " + feed.session().getId());
    executor.execute(() -> closeQuietly(feed.session(), TOO_SLOW));
  }

  /** Closes (1008) every client whose sign-in lapsed; a background duty, so it never throws. */
  void closeLapsed() {
    try {
      if (signIns.isEmpty()) {
        return;
      }
      for (String id : lapsedSignIns.among(Map.copyOf(signIns))) {
        signIns.remove(id);
        SessionFeed feed = feeds.remove(id);
        if (feed != null) {
          feed.close();
          closedLapsed.incrementAndGet();
          LOG.info(() -> "Closed event client " + id + ": its credentials were revoked or expired");
          executor.execute(() -> closeQuietly(feed.session(), SIGN_IN_LAPSED));
        }
      }
    } catch (Throwable t) {
      // A duty that dies stops re-checking for good: record the failure and try next time.
      LOG.log(Level.WARNING, "Re-checking event clients' credentials failed", t);
    }
  }

  private void pingAll() {
    feeds.values().forEach(SessionFeed::keepAlive);
  }

  static void closeQuietly(Session session, CloseReason reason) {
    try {
      session.close(reason);
    } catch (IOException | RuntimeException e) {
      LOG.fine(() -> "Closing " + session.getId() + " failed: " + e);
    }
  }

  @PreDestroy
  void stop() {
    subscription.removeListener(relay);
    if (pings != null) {
      pings.cancel(false);
    }
    if (signInChecks != null) {
      signInChecks.cancel(false);
    }
  }
}
