package io.taskqueue.security.control;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedMember;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Lets an application that has taskqueue laid over its WAR keep its own authentication mechanism.
 * Jakarta Security 3 calls one mechanism per application, and two would make the deployment fail;
 * so a mechanism bean of the same WAR is given the {@link HostAuthentication} qualifier instead of
 * the default one, and {@link BearerAuthentication} hands it every request outside taskqueue's
 * paths. A mechanism of another module of an EAR (its own class loader) is that module's own and is
 * left alone. The built-in mechanisms of {@code @BasicAuthenticationMechanismDefinition} and its
 * siblings are made by the container, not discovered as beans, and cannot be set aside: an
 * application uses a mechanism bean of its own instead.
 */
public class HostMechanisms implements Extension {

  private static final Logger LOG = Logger.getLogger(HostMechanisms.class.getName());

  private final List<String> setAside = new ArrayList<>();

  <T> void setAside(@Observes ProcessBeanAttributes<T> event) {
    if (!event.getBeanAttributes().getTypes().contains(HttpAuthenticationMechanism.class)) {
      return;
    }
    Class<?> declaring = declaringClass(event.getAnnotated());
    if (declaring == null
        || declaring == BearerAuthentication.class
        || declaring.getClassLoader() != BearerAuthentication.class.getClassLoader()) {
      return;
    }
    synchronized (setAside) {
      setAside.add(declaring.getName());
    }
    event
        .configureBeanAttributes()
        .qualifiers(HostAuthentication.Literal.INSTANCE, Any.Literal.INSTANCE);
    LOG.info(
        () ->
            "The application's authentication mechanism "
                + declaring.getName()
                + " signs in every request outside taskqueue's own paths");
  }

  /** Two mechanisms of the application would leave its requests to neither: say so and stop. */
  void oneAtMost(@Observes AfterDeploymentValidation event) {
    synchronized (setAside) {
      if (setAside.size() > 1) {
        event.addDeploymentProblem(
            new IllegalStateException(
                "The application has "
                    + setAside.size()
                    + " authentication mechanisms, "
                    + String.join(", ", setAside)
                    + "; Jakarta Security calls one, so keep one"));
      }
    }
  }

  private static Class<?> declaringClass(Annotated annotated) {
    if (annotated instanceof AnnotatedType<?> type) {
      return type.getJavaClass();
    }
    if (annotated instanceof AnnotatedMember<?> member) {
      return member.getDeclaringType().getJavaClass();
    }
    return null;
  }
}
