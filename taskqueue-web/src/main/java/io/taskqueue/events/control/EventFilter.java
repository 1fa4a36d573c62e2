package io.taskqueue.events.control;

import io.taskqueue.events.entity.Subscription;
import io.taskqueue.job.entity.EventType;
import io.taskqueue.job.entity.JobEvent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which events a client wants: by event type (exact, or a prefix such as {@code job.*}), by job
 * type, by job id. Each part left empty matches everything; the parts combine with AND.
 */
public record EventFilter(Set<String> types, Set<String> jobTypes, Set<UUID> jobIds) {

  /** At most this many values per part: a filter is a view, not a query. */
  public static final int MAX_VALUES = 1_000;

  public static final EventFilter EVERYTHING = new EventFilter(Set.of(), Set.of(), Set.of());

  /** From comma-separated query parameters (null when absent). */
  public static EventFilter fromQuery(String types, String jobTypes, String jobIds) {
    return of(split(types), split(jobTypes), split(jobIds));
  }

  public static EventFilter of(Subscription s) {
    return of(orEmpty(s.types()), orEmpty(s.jobTypes()), orEmpty(s.jobIds()));
  }

  /** Throws IllegalArgumentException, with a message fit for the client, on a bad value. */
  static EventFilter of(List<String> types, List<String> jobTypes, List<String> jobIds) {
    for (List<String> part : List.of(types, jobTypes, jobIds)) {
      if (part.size() > MAX_VALUES) {
        throw new IllegalArgumentException("at most " + MAX_VALUES + " values per filter");
      }
    }
    for (String type : types) {
      boolean known =
          type.endsWith("*")
              ? Arrays.stream(EventType.values())
                  .anyMatch(t -> t.wireName().startsWith(type.substring(0, type.length() - 1)))
              : EventType.fromWireName(type).isPresent();
      if (!known) {
        throw new IllegalArgumentException(
            "unknown event type '"
                + type
                + "'; known: "
                + Arrays.stream(EventType.values()).map(EventType::wireName).toList());
      }
    }
    Set<UUID> ids = new LinkedHashSet<>();
    for (String id : jobIds) {
      try {
        ids.add(UUID.fromString(id));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("not a job id: '" + id + "'");
      }
    }
    return new EventFilter(Set.copyOf(types), Set.copyOf(jobTypes), Set.copyOf(ids));
  }

  public boolean matches(JobEvent event) {
    return (types.isEmpty() || types.stream().anyMatch(t -> typeMatches(t, event.type())))
        && (jobTypes.isEmpty() || event.jobType() != null && jobTypes.contains(event.jobType()))
        && (jobIds.isEmpty() || event.jobId() != null && jobIds.contains(event.jobId()));
  }

  public Subscription describe() {
    return new Subscription(
        "subscribed",
        List.copyOf(types),
        List.copyOf(jobTypes),
        jobIds.stream().map(UUID::toString).toList());
  }

  private static boolean typeMatches(String pattern, String type) {
    return pattern.endsWith("*")
        ? type.startsWith(pattern.substring(0, pattern.length() - 1))
        : pattern.equals(type);
  }

  private static List<String> split(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values.stream().filter(v -> v != null).toList();
  }
}
