package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.Machine;
import io.taskqueue.bench.entity.Metric;
import io.taskqueue.bench.entity.RunResult;
import io.taskqueue.bench.entity.Summary;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything a bench run produced, as one JSON document for later comparison. */
public final class ResultsJson {

  private ResultsJson() {}

  /**
   * @param options the command-line options by name, without the API key
   */
  public static JsonObject of(
      Instant startedAt,
      Machine machine,
      Map<String, Object> options,
      List<RunResult> results,
      List<Summary> summaries) {
    JsonObjectBuilder optionsJson = Json.createObjectBuilder();
    options.forEach((name, value) -> optionsJson.add(name, value(value)));
    JsonArrayBuilder runs = Json.createArrayBuilder();
    for (RunResult r : results) {
      JsonObjectBuilder metrics = Json.createObjectBuilder();
      r.metrics().forEach(m -> metrics.add(m.name(), rounded(m)));
      runs.add(
          Json.createObjectBuilder()
              .add("workload", r.workload())
              .add("run", r.run())
              .add("ok", r.ok())
              .add("failure", r.failure() == null ? JsonValue.NULL : Json.createValue(r.failure()))
              .add("notes", Json.createArrayBuilder(r.notes()))
              .add("metrics", metrics));
    }
    JsonArrayBuilder medians = Json.createArrayBuilder();
    for (Summary s : summaries) {
      medians.add(
          Json.createObjectBuilder()
              .add("workload", s.workload())
              .add("metric", s.metric())
              .add("median", s.median())
              .add("min", s.min())
              .add("max", s.max())
              .add("runs", s.runs()));
    }
    return Json.createObjectBuilder()
        .add("startedAt", startedAt.toString())
        .add(
            "machine",
            Json.createObjectBuilder()
                .add("cpus", machine.cpus())
                .add("cpuModel", machine.cpuModel())
                .add("memoryMb", machine.memoryMb())
                .add("java", machine.java())
                .add("os", machine.os()))
        .add("options", optionsJson)
        .add("runs", runs)
        .add("summaries", medians)
        .build();
  }

  public static void write(Path file, JsonObject results) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    try (Writer out = Files.newBufferedWriter(file)) {
      Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
          .createWriter(out)
          .write(results);
      out.write('\n');
    }
  }

  /** Numbers as numbers, lists as arrays, the rest as strings. */
  private static JsonValue value(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return Json.createValue(((Number) value).longValue());
    }
    if (value instanceof List<?> list) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      list.forEach(item -> array.add(value(item)));
      return array.build();
    }
    return value == null ? JsonValue.NULL : Json.createValue(String.valueOf(value));
  }

  /** To the precision printed plus two digits: more would be noise, not information. */
  private static double rounded(Metric m) {
    double scale = Math.pow(10, m.decimals() + 2);
    return Math.round(m.value() * scale) / scale;
  }
}
