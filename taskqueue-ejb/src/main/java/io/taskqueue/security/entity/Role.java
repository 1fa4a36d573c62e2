package io.taskqueue.security.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The four roles. A role implies the ones it contains: an operator also views, an admin does
 * everything. A submitter submits and reads its own jobs only; it is not a viewer.
 */
public enum Role {
  VIEWER,
  SUBMITTER,
  OPERATOR,
  ADMIN;

  /** The names {@code @RolesAllowed} uses. */
  public static final String VIEWER_NAME = "viewer";

  public static final String SUBMITTER_NAME = "submitter";
  public static final String OPERATOR_NAME = "operator";
  public static final String ADMIN_NAME = "admin";

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromWireName(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
  }

  /** This role and every role it contains. */
  public Set<Role> implied() {
    return switch (this) {
      case VIEWER -> EnumSet.of(VIEWER);
      case SUBMITTER -> EnumSet.of(SUBMITTER);
      case OPERATOR -> EnumSet.of(OPERATOR, VIEWER);
      case ADMIN -> EnumSet.allOf(Role.class);
    };
  }
}
