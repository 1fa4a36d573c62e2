package io.taskqueue.recurring.control;

import io.taskqueue.Recurring;
import io.taskqueue.job.entity.SubmitJobRequest;
import io.taskqueue.recurring.entity.DeclaredSchedule;
import io.taskqueue.recurring.entity.ScheduleRequest;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@link Recurring} annotations of handler classes into schedule requests. A reference
 * {@code ${name}} or {@code ${name:default}} in a cron, zone or payload is read from configuration
 * (as the handler's class loader sees it). Throws {@link IllegalStateException} naming the class
 * for what no rule of a schedule could judge: a name declared twice, a missing configuration value,
 * a payload that is not a JSON object.
 */
public final class ScheduleDeclarations {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

  /** Looks a configuration value up for a handler class: (class, name) to the value, if any. */
  private final BiFunction<Class<?>, String, Optional<String>> config;

  public ScheduleDeclarations(BiFunction<Class<?>, String, Optional<String>> config) {
    this.config = config;
  }

  /** The schedules declared on the handler classes, by their job type. */
  public List<DeclaredSchedule> read(Map<String, Class<?>> handlerClassByType) {
    List<DeclaredSchedule> declared = new ArrayList<>();
    Map<String, String> declarerByName = new HashMap<>();
    handlerClassByType.forEach(
        (type, handlerClass) -> {
          for (Recurring recurring : handlerClass.getAnnotationsByType(Recurring.class)) {
            String earlier = declarerByName.putIfAbsent(recurring.name(), handlerClass.getName());
            if (earlier != null) {
              throw new IllegalStateException(
                  "the schedule '"
                      + recurring.name()
                      + "' is declared twice, by "
                      + earlier
                      + " and "
                      + handlerClass.getName());
            }
            declared.add(
                new DeclaredSchedule(
                    handlerClass.getName(), request(type, handlerClass, recurring)));
          }
        });
    return declared;
  }

  private ScheduleRequest request(String type, Class<?> handlerClass, Recurring recurring) {
    return new ScheduleRequest(
        recurring.name(),
        resolve(handlerClass, recurring.cron()),
        resolve(handlerClass, recurring.zone()),
        new SubmitJobRequest(
            type, payload(handlerClass, recurring), null, null, null, null, null, null),
        wireName(recurring.overlap()),
        wireName(recurring.misfire()),
        recurring.misfireLimit(),
        null);
  }

  private JsonObject payload(Class<?> handlerClass, Recurring recurring) {
    String text = resolve(handlerClass, recurring.payload());
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new IllegalStateException(
          handlerClass.getName()
              + " declares the schedule '"
              + recurring.name()
              + "' with a payload that is not a JSON object: "
              + text,
          e);
    }
  }

  /** The value, or the configuration value it refers to when it is one reference. */
  private String resolve(Class<?> handlerClass, String value) {
    Matcher reference = REFERENCE.matcher(value.trim());
    if (!reference.matches()) {
      return value;
    }
    String name = reference.group(1).trim();
    return config
        .apply(handlerClass, name)
        .or(() -> Optional.ofNullable(reference.group(2)))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    handlerClass.getName()
                        + " declares a schedule with ${"
                        + name
                        + "}, which is not configured and has no default"));
  }

  private static String wireName(Enum<?> policy) {
    return policy.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
