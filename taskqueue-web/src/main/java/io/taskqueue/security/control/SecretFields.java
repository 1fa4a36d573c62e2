package io.taskqueue.security.control;

import io.taskqueue.json.boundary.JsonText;
import io.taskqueue.security.entity.Caller;
import io.taskqueue.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hides the values of payload and result fields whose names look like secrets ({@code
 * taskqueue.api.redacted-fields}: {@code password}, {@code secret}, {@code token}, {@code
 * authorization} by default) from everyone but the job's submitter and admins. A name matches when,
 * lower-cased and without {@code -} and {@code _}, it contains an entry: {@code dbPassword}, {@code
 * client_secret} and {@code X-Auth-Token} all do. At any depth, in objects and arrays.
 */
@ApplicationScoped
public class SecretFields {

  /** What a hidden value is replaced with. */
  public static final String MARKER = "[redacted]";

  @Inject
  @ConfigProperty(
      name = "taskqueue.api.redacted-fields",
      defaultValue = "password,secret,token,authorization")
  String fields;

  private List<String> names;

  @PostConstruct
  void parse() {
    names =
        Arrays.stream(fields.split(","))
            .map(SecretFields::normal)
            .filter(name -> !name.isEmpty())
            .toList();
  }

  /** Whether {@code caller} sees the secrets of what {@code owner} submitted: the owner, admins. */
  public boolean visibleTo(Caller caller, String owner) {
    return caller.has(Role.ADMIN) || caller.id().equals(owner);
  }

  /** {@code value} with every secret-looking field's value replaced by {@link #MARKER}. */
  public JsonValue hide(JsonValue value) {
    if (value == null) {
      return null;
    }
    return switch (value.getValueType()) {
      case OBJECT -> {
        JsonObjectBuilder hidden = JsonText.objectBuilder();
        for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
          hidden.add(
              member.getKey(),
              secret(member.getKey())
                  ? JsonText.provider().createValue(MARKER)
                  : hide(member.getValue()));
        }
        yield hidden.build();
      }
      case ARRAY -> {
        JsonArrayBuilder hidden = JsonText.provider().createArrayBuilder();
        value.asJsonArray().forEach(element -> hidden.add(hide(element)));
        yield hidden.build();
      }
      default -> value;
    };
  }

  /**
   * Whether {@code value} still holds a hidden value where a secret belongs: a schedule edited from
   * what {@link #hide} showed, which would store the marker in place of the secret.
   */
  public boolean holdsMarker(JsonValue value) {
    if (value == null) {
      return false;
    }
    return switch (value.getValueType()) {
      case OBJECT ->
          value.asJsonObject().entrySet().stream()
              .anyMatch(
                  m ->
                      (secret(m.getKey())
                              && m.getValue() instanceof JsonString s
                              && s.getString().equals(MARKER))
                          || holdsMarker(m.getValue()));
      case ARRAY -> value.asJsonArray().stream().anyMatch(this::holdsMarker);
      default -> false;
    };
  }

  private boolean secret(String name) {
    String normal = normal(name);
    return names.stream().anyMatch(normal::contains);
  }

  private static String normal(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }
}
