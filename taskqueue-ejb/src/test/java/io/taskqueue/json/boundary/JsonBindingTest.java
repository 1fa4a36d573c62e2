package io.taskqueue.json.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonBindingTest {

  public record Report(String name, List<Integer> rows) {}

  @Test
  void aResultWithinTheLimitIsItsWholeText() {
    JsonObject result = Json.createObjectBuilder().add("to", "ada").add("n", 2).build();

    assertEquals(Optional.of("{\"to\":\"ada\",\"n\":2}"), JsonBinding.toJsonText(result, 1_000));
    assertEquals(
        Optional.of("{\"name\":\"q3\",\"rows\":[1,2]}"),
        JsonBinding.toJsonText(new Report("q3", List.of(1, 2)), 1_000));
  }

  @Test
  void theLimitIsInclusiveAndCountsUtf8Bytes() {
    // {"s":"ééé"}: 8 ASCII characters and 3 two-byte ones, 14 bytes.
    JsonObject result = Json.createObjectBuilder().add("s", "ééé").build();
    int bytes = result.toString().getBytes(StandardCharsets.UTF_8).length;

    assertEquals(14, bytes);
    assertTrue(JsonBinding.toJsonText(result, 14).isPresent());
    assertTrue(JsonBinding.toJsonText(result, 13).isEmpty(), "11 characters, but 14 bytes");
  }

  @Test
  void aSurrogatePairCountsAsTheFourBytesItIs() {
    JsonObject result = Json.createObjectBuilder().add("s", "\uD83D\uDE00").build(); // 😀

    assertTrue(JsonBinding.toJsonText(result, 12).isPresent());
    assertTrue(JsonBinding.toJsonText(result, 11).isEmpty());
  }

  @Test
  void anOversizedResultIsRefusedThroughJsonPAndJsonB() {
    String megabyte = "x".repeat(1 << 20);

    assertTrue(
        JsonBinding.toJsonText(Json.createObjectBuilder().add("s", megabyte).build(), 1 << 20)
            .isEmpty());
    assertTrue(
        JsonBinding.toJsonText(new Report(megabyte, List.of()), 1 << 20).isEmpty(),
        "JSON-B wraps the writer's failure; it is still found");
  }
}
