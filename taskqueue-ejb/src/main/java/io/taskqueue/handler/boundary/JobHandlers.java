package io.taskqueue.handler.boundary;

import io.taskqueue.JobHandler;
import io.taskqueue.handler.control.HandlerBeans;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Every enabled {@link JobHandler} bean of the application, by job type. Two for one type fail the
 * boot.
 *
 * <p>The beans come from {@link HandlerBeans}, which sees every module, rather than from an
 * injected {@code Instance<JobHandler>}: in an EAR, that would see only the beans visible to the
 * engine's own module, never a handler in the team's WAR.
 *
 * <p>A handler in another module than the engine's (a WAR of the EAR) must run in that module's
 * context: its {@code @PersistenceContext}, JNDI names and class loader are the WAR's. It is
 * <em>starting</em> until its module has started; then it is wrapped in a contextual proxy made on
 * the module's own start-up thread, so that every call runs in the module's context. Jobs of a
 * starting type are handed back, not run.
 */
@ApplicationScoped
public class JobHandlers {

  private static final Logger LOG = Logger.getLogger(JobHandlers.class.getName());

  @Inject HandlerBeans discovered;
  @Inject BeanManager beanManager;

  @Resource ContextService contexts;

  private final Map<String, JobHandler> ready = new ConcurrentHashMap<>();
  private final Map<String, Starting> starting = new ConcurrentHashMap<>();
  private final Map<String, String> beanClassByType = new TreeMap<>();

  @PostConstruct
  void collect() {
    ClassLoader engine = JobHandlers.class.getClassLoader();
    for (Bean<?> bean : discovered.beans()) {
      JobHandler handler =
          (JobHandler)
              beanManager.getReference(
                  bean, JobHandler.class, beanManager.createCreationalContext(bean));
      if (!handler.enabled()) {
        continue;
      }
      claimType(handler.type(), bean.getBeanClass().getName());
      if (sameOrParent(bean.getBeanClass().getClassLoader(), engine)) {
        ready.put(handler.type(), handler);
      } else {
        starting.put(handler.type(), new Starting(handler, bean.getBeanClass().getClassLoader()));
      }
    }
  }

  /** A handler waiting for its module, and that module's class loader. */
  private record Starting(JobHandler handler, ClassLoader loader) {}

  /**
   * A module started (CDI says so once per module, on its own start-up thread): its handlers are
   * ready, bound to its context.
   */
  void moduleStarted(@Observes @Initialized(ApplicationScoped.class) Object module) {
    ClassLoader moduleLoader = Thread.currentThread().getContextClassLoader();
    starting.forEach(
        (type, waiting) -> {
          if (sameOrParent(waiting.loader(), moduleLoader)) {
            ready.put(type, contexts.createContextualProxy(waiting.handler(), JobHandler.class));
            starting.remove(type);
            LOG.info(() -> "Handler for job type '" + type + "' runs in its own module's context");
          }
        });
  }

  private synchronized void claimType(String type, String beanClass) {
    String earlier = beanClassByType.putIfAbsent(type, beanClass);
    if (earlier != null) {
      throw new IllegalStateException(
          "two handlers for job type '" + type + "': " + earlier + " and " + beanClass);
    }
  }

  private static boolean sameOrParent(ClassLoader candidate, ClassLoader of) {
    for (ClassLoader loader = of; loader != null; loader = loader.getParent()) {
      if (loader == candidate) {
        return true;
      }
    }
    return false;
  }

  /** The handler of {@code type}, once it can run. */
  public Optional<JobHandler> forType(String type) {
    return Optional.ofNullable(ready.get(type));
  }

  /** Whether {@code type}'s handler exists but its module has not started yet. */
  public boolean isStarting(String type) {
    return starting.containsKey(type);
  }

  public SortedSet<String> knownTypes() {
    SortedSet<String> types = new TreeSet<>(ready.keySet());
    types.addAll(starting.keySet());
    return types;
  }
}
