package io.taskqueue.security.entity;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * An authenticated caller: its name, every role it holds (granted ones and those they imply, as
 * wire names) and how it proved itself ({@code key}, {@code jwt} or {@code ticket}).
 */
public record Caller(String name, Set<String> roles, String via) {

  public Caller {
    roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
  }

  /** A caller granted {@code granted}, holding every role those imply. */
  public static Caller of(String name, Collection<Role> granted, String via) {
    Set<Role> all = EnumSet.noneOf(Role.class);
    granted.forEach(role -> all.addAll(role.implied()));
    Set<String> names = new TreeSet<>();
    all.forEach(role -> names.add(role.wireName()));
    return new Caller(name, names, via);
  }

  /** Unique across ways of signing in ({@code key:ci}, {@code jwt:alice}): who submitted a job. */
  public String id() {
    return via + ":" + name;
  }

  public boolean has(Role role) {
    return roles.contains(role.wireName());
  }

  /** True when the caller may read every job, not only the ones it submitted. */
  public boolean readsAllJobs() {
    return has(Role.VIEWER);
  }
}
