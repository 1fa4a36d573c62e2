package io.taskqueue.job.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * How deep a payload may nest and how long its strings and member names may be. The payload's byte
 * size is checked separately; these catch what fits in a megabyte yet hurts a handler or a console
 * (a 1 MB string, thousands of levels). Walked without recursion, so no depth can blow the stack.
 */
public record JsonLimits(int maxDepth, int maxStringLength) {

  public static final JsonLimits DEFAULTS = new JsonLimits(32, 65_536);

  /** What is wrong with {@code value}, if anything. */
  public Optional<String> violation(JsonValue value) {
    Deque<Map.Entry<JsonValue, Integer>> pending = new ArrayDeque<>();
    pending.push(Map.entry(value, 1));
    while (!pending.isEmpty()) {
      Map.Entry<JsonValue, Integer> next = pending.pop();
      JsonValue v = next.getKey();
      int depth = next.getValue();
      if (v instanceof JsonObject object) {
        if (depth > maxDepth) {
          return Optional.of("nests deeper than " + maxDepth + " levels");
        }
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
          if (member.getKey().length() > maxStringLength) {
            return tooLong();
          }
          pending.push(Map.entry(member.getValue(), depth + 1));
        }
      } else if (v instanceof JsonArray array) {
        if (depth > maxDepth) {
          return Optional.of("nests deeper than " + maxDepth + " levels");
        }
        array.forEach(element -> pending.push(Map.entry(element, depth + 1)));
      } else if (v instanceof JsonString string && string.getString().length() > maxStringLength) {
        return tooLong();
      }
    }
    return Optional.empty();
  }

  private Optional<String> tooLong() {
    return Optional.of("has a string or name longer than " + maxStringLength + " characters");
  }
}
