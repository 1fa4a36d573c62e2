package io.taskqueue.security.control;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The authentication mechanism of the application taskqueue is laid over, set aside by {@link
 * HostMechanisms} so that {@link BearerAuthentication} stays the one the container calls and hands
 * it every request outside taskqueue's own paths.
 */
@Qualifier
@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD, PARAMETER})
public @interface HostAuthentication {

  /** The qualifier as a value, for the extension that adds it. */
  final class Literal extends AnnotationLiteral<HostAuthentication> implements HostAuthentication {
    static final Literal INSTANCE = new Literal();
    private static final long serialVersionUID = 1L;
  }
}
