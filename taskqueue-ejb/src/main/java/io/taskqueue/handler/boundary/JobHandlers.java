package io.taskqueue.handler.boundary;

import io.taskqueue.JobDefaults;
import io.taskqueue.JobHandler;
import io.taskqueue.handler.control.HandlerBeans;
import io.taskqueue.handler.control.WorkerTypes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every enabled {@link JobHandler} bean of the application, by job type. Two for one type fail the
 * boot.
 *
 * <p>The beans come from {@link HandlerBeans}, which sees every module, rather than from an
 * injected {@code Instance<JobHandler>}: in an EAR, that would see only the beans visible to the
 * engine's own module, never a handler in the team's WAR.
 */
@ApplicationScoped
public class JobHandlers {

  private static final Logger LOG = Logger.getLogger(JobHandlers.class.getName());

  @Inject HandlerBeans discovered;
  @Inject BeanManager beanManager;

  /** The only types this node's workers run, when set; every type it has a handler for if not. */
  @Inject
  @ConfigProperty(name = "taskqueue.workers.types")
  Optional<String> restrictedTo;

  private final Map<String, JobHandler> byType = new TreeMap<>();
  private final Map<String, Class<?>> beanClassByType = new TreeMap<>();
  private final SortedSet<String> disabledTypes = new TreeSet<>();
  private final Map<String, JobDefaults> defaultsByType = new TreeMap<>();
  private WorkerTypes workerTypes = new WorkerTypes(List.of());

  @PostConstruct
  void collect() {
    for (Bean<?> bean : discovered.beans()) {
      warnIfOutOfContext(bean);
      JobHandler handler =
          (JobHandler)
              beanManager.getReference(
                  bean, JobHandler.class, beanManager.createCreationalContext(bean));
      if (handler.enabled()) {
        add(handler, bean.getBeanClass());
      } else {
        disabledTypes.add(handler.type());
      }
    }
    workerTypes = WorkerTypes.of(restrictedTo);
    workerTypes.requireHandled(byType.keySet());
  }

  /**
   * Whether this node's workers run jobs of {@code type}: it has the handler, and {@code
   * taskqueue.workers.types} (when set) names the type. Jobs of other types are handed back.
   */
  public boolean runs(String type) {
    return workerTypes.runs(type, byType.keySet());
  }

  /** The types this node's workers run (see {@link #runs}). */
  public SortedSet<String> runTypes() {
    SortedSet<String> types = new TreeSet<>();
    byType.keySet().stream().filter(this::runs).forEach(types::add);
    return types;
  }

  private void add(JobHandler handler, Class<?> beanClass) {
    Class<?> earlier = beanClassByType.putIfAbsent(handler.type(), beanClass);
    if (earlier != null) {
      throw new IllegalStateException(
          "two handlers for job type '"
              + handler.type()
              + "': "
              + earlier.getName()
              + " and "
              + beanClass.getName());
    }
    byType.put(handler.type(), handler);
    defaultsByType.put(
        handler.type(), Objects.requireNonNullElse(handler.defaults(), JobDefaults.none()));
  }

  /**
   * A plain CDI handler in another module than the engine's (a WAR of an EAR) runs on the engine's
   * threads in the engine module's naming context, where the WAR's own persistence units and {@code
   * java:comp} names are not found. A session bean carries its module's context into every call, as
   * a message-driven bean does.
   */
  private void warnIfOutOfContext(Bean<?> bean) {
    if (!discovered.isSessionBean(bean) && !visibleFromEngine(bean.getBeanClass())) {
      LOG.warning(
          () ->
              bean.getBeanClass().getName()
                  + " handles jobs from another module than taskqueue's engine: it will run in"
                  + " the engine module's naming context. Make it a @Stateless session bean if it"
                  + " uses its own module's resources (@PersistenceContext, java:comp names).");
    }
  }

  private static boolean visibleFromEngine(Class<?> beanClass) {
    for (ClassLoader loader = JobHandlers.class.getClassLoader();
        loader != null;
        loader = loader.getParent()) {
      if (loader == beanClass.getClassLoader()) {
        return true;
      }
    }
    return false;
  }

  public Optional<JobHandler> forType(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** The defaults of the handler of {@code type}, as it gave them at deployment. */
  public Optional<JobDefaults> defaultsFor(String type) {
    return Optional.ofNullable(defaultsByType.get(type));
  }

  /**
   * The class of each enabled handler bean, by job type: where its annotations are (the bean itself
   * may be a proxy).
   */
  public Map<String, Class<?>> beanClasses() {
    return Map.copyOf(beanClassByType);
  }

  /** The types of the handler beans that are switched off in this deployment. */
  public SortedSet<String> disabledTypes() {
    return new TreeSet<>(disabledTypes);
  }

  public SortedSet<String> knownTypes() {
    return new TreeSet<>(byType.keySet());
  }
}
