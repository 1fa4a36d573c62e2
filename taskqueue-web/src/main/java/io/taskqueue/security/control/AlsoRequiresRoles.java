package io.taskqueue.security.control;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Roles a caller must hold besides one of {@code @RolesAllowed}: creating or running a schedule is
 * an operator's work, and it submits jobs, so it needs the submitter role too. Enforced by {@link
 * RoleCheck}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AlsoRequiresRoles {
  String[] value();
}
