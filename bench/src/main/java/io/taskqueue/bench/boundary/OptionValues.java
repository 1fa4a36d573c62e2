package io.taskqueue.bench.boundary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options a bench ran with, for its results file; never the API key. */
final class OptionValues {

  private OptionValues() {}

  static Map<String, Object> of(CommandSpec spec) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (OptionSpec option : spec.options()) {
      if (!option.usageHelp() && !option.versionHelp() && !option.longestName().equals("--key")) {
        Object value = option.getValue();
        values.put(option.longestName(), value == null ? null : plain(value));
      }
    }
    return values;
  }

  /** Paths and URIs as text; numbers and lists as they are. */
  private static Object plain(Object value) {
    return value instanceof Number || value instanceof List<?> ? value : value.toString();
  }
}
