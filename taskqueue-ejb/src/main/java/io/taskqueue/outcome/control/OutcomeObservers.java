package io.taskqueue.outcome.control;

import io.taskqueue.JobOutcome;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the application's observers of {@link JobOutcome} events in every module, as the
 * container discovers them. The engine notifies them itself rather than firing through its own
 * {@code Event}: in an EAR, that would reach only the observers visible to the engine's module,
 * never those in the team's WAR (as {@code HandlerBeans} explains for handlers).
 */
public class OutcomeObservers implements Extension {

  private final List<ObserverMethod<?>> observers = new ArrayList<>();

  void collect(@Observes ProcessObserverMethod<?, ?> event) {
    ObserverMethod<?> observer = event.getObserverMethod();
    if (outcomeType(observer.getObservedType()) && unqualified(observer)) {
      synchronized (observers) {
        observers.add(observer);
      }
    }
  }

  private static boolean outcomeType(Type observed) {
    return observed instanceof Class<?> c && JobOutcome.class.isAssignableFrom(c);
  }

  /**
   * The engine fires its outcomes without qualifiers: an observer that asks for one never hears.
   */
  private static boolean unqualified(ObserverMethod<?> observer) {
    return observer.getObservedQualifiers().stream()
        .allMatch(q -> q instanceof Default || q instanceof Any);
  }

  /** Whether the application observes any outcome. */
  public boolean any() {
    synchronized (observers) {
      return !observers.isEmpty();
    }
  }

  /**
   * Notifies every observer of {@code outcome}'s type, on this thread, in its transaction; what an
   * observer throws is thrown from here, and the observers after it are not notified.
   */
  @SuppressWarnings("unchecked")
  public void notify(JobOutcome outcome) {
    List<ObserverMethod<?>> all;
    synchronized (observers) {
      all = List.copyOf(observers);
    }
    for (ObserverMethod<?> observer : all) {
      if (((Class<?>) observer.getObservedType()).isInstance(outcome)) {
        ((ObserverMethod<JobOutcome>) observer).notify(outcome);
      }
    }
  }
}
