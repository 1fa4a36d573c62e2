package io.taskqueue.handlers.email.control;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.email.entity.EmailMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an email job's payload, {@code {"to", "subject", "text", "html"?, "variables"?}}, and
 * renders its templates. Anything wrong with it fails the job for good: the same payload would fail
 * again.
 */
public final class EmailPayload {

  /** More recipients than this is a mailing list, not a job. */
  static final int MAX_RECIPIENTS = 50;

  private EmailPayload() {}

  /**
   * The message a payload asks for.
   *
   * @param payload the job's payload
   * @return the rendered message
   * @throws NonRetryableException when a field is missing or malformed, an address is invalid, a
   *     placeholder has no variable, or the subject would span lines
   */
  public static EmailMessage render(JsonObject payload) throws NonRetryableException {
    Map<String, String> variables = variables(payload);
    String subject = Template.text(requiredString(payload, "subject"), variables);
    if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
      throw new NonRetryableException("the subject must be one line");
    }
    String text = Template.text(requiredString(payload, "text"), variables);
    Optional<String> html = Optional.empty();
    if (payload.containsKey("html") && payload.get("html") != JsonValue.NULL) {
      html = Optional.of(Template.html(requiredString(payload, "html"), variables));
    }
    return new EmailMessage(recipients(payload), subject, text, html);
  }

  private static List<String> recipients(JsonObject payload) throws NonRetryableException {
    JsonValue to = payload.get("to");
    List<String> addresses = new ArrayList<>();
    if (to instanceof JsonString one) {
      addresses.add(one.getString());
    } else if (to instanceof JsonArray many) {
      for (JsonValue address : many) {
        if (!(address instanceof JsonString text)) {
          throw new NonRetryableException("to must hold only strings");
        }
        addresses.add(text.getString());
      }
    } else {
      throw new NonRetryableException("to must be an address or an array of addresses");
    }
    if (addresses.isEmpty() || addresses.size() > MAX_RECIPIENTS) {
      throw new NonRetryableException("to must hold 1 to " + MAX_RECIPIENTS + " addresses");
    }
    for (String address : addresses) {
      try {
        new InternetAddress(address, true).validate();
      } catch (AddressException e) {
        throw new NonRetryableException("not a valid address: '" + address + "'", e);
      }
    }
    return addresses;
  }

  private static Map<String, String> variables(JsonObject payload) throws NonRetryableException {
    JsonValue variables = payload.get("variables");
    if (variables == null || variables == JsonValue.NULL) {
      return Map.of();
    }
    if (!(variables instanceof JsonObject object)) {
      throw new NonRetryableException("variables must be an object");
    }
    Map<String, String> values = new HashMap<>();
    for (Map.Entry<String, JsonValue> variable : object.entrySet()) {
      JsonValue value = variable.getValue();
      switch (value.getValueType()) {
        case STRING -> values.put(variable.getKey(), ((JsonString) value).getString());
        case NUMBER, TRUE, FALSE -> values.put(variable.getKey(), value.toString());
        default ->
            throw new NonRetryableException(
                "variable '" + variable.getKey() + "' must be a string, number or boolean");
      }
    }
    return values;
  }

  private static String requiredString(JsonObject payload, String name)
      throws NonRetryableException {
    if (!(payload.get(name) instanceof JsonString value)) {
      throw new NonRetryableException(name + " must be a string");
    }
    return value.getString();
  }
}
