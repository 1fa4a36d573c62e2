package io.taskqueue.handler.control;

import io.taskqueue.JobHandler;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessSessionBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the {@link JobHandler} beans of the whole application as the container discovers them. A
 * portable extension hears of every bean in every module (the engine's EJB module, the team's WARs
 * and EJB modules, the EAR's libraries), while an injection point in the engine sees only the
 * modules visible to the engine's own.
 */
public class HandlerBeans implements Extension {

  private final List<Bean<?>> beans = new ArrayList<>();
  private final Set<Bean<?>> sessionBeans = new HashSet<>();

  void collect(@Observes ProcessBean<?> event) {
    Bean<?> bean = event.getBean();
    if (bean.getTypes().contains(JobHandler.class)) {
      synchronized (beans) {
        beans.add(bean);
        if (event instanceof ProcessSessionBean<?>) {
          sessionBeans.add(bean);
        }
      }
    }
  }

  /** Whether {@code bean} is a session bean (its calls run in its own module's context). */
  public boolean isSessionBean(Bean<?> bean) {
    synchronized (beans) {
      return sessionBeans.contains(bean);
    }
  }

  /** The handler beans found, in discovery order. */
  public List<Bean<?>> beans() {
    synchronized (beans) {
      return List.copyOf(beans);
    }
  }
}
