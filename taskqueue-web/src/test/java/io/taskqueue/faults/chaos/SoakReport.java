package io.taskqueue.faults.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The soak's report: the seed that reproduces its choices, what was injected and when, what was
 * submitted and acknowledged, where every job ended, and each violation with its job's story.
 */
final class SoakReport {

  private static final int DETAILED = 40;

  static String render(
      long seed,
      int nodes,
      long soakSeconds,
      long quietSeconds,
      boolean quiet,
      FaultLog faults,
      Ledger ledger,
      InvariantChecker.Result result) {
    StringBuilder out = new StringBuilder();
    line(out, "=== CHAOS SOAK REPORT ===");
    line(out, "seed=" + seed + " nodes=" + nodes + " soak=" + soakSeconds + "s");
    line(
        out,
        "quiet after "
            + quietSeconds
            + "s"
            + (quiet ? "" : " (NOT quiet: gave up waiting; unfinished jobs are listed below)"));
    line(out, "faults injected: " + faults.counts());
    line(out, "fault timeline:");
    for (FaultLog.Entry e : faults.entries()) {
      line(out, "  " + e.at() + " " + e.kind() + " " + e.detail());
    }
    line(out, "requests by outcome (-1 = no answer): " + ledger.requests());
    line(
        out,
        "jobs acknowledged="
            + ledger.size()
            + " stored="
            + result.stored()
            + " stored-but-not-acknowledged="
            + result.storedNotAcknowledged());
    line(out, "final status of all stored jobs: " + result.byStatus());
    line(out, "final status by kind (acknowledged jobs):");
    result.byKind().forEach((kind, counts) -> line(out, "  " + kind + " " + counts));
    List<InvariantChecker.Violation> violations = result.violations();
    Map<String, Long> byProblem =
        violations.stream()
            .collect(
                Collectors.groupingBy(
                    v -> v.problem().split(":")[0], TreeMap::new, Collectors.counting()));
    line(out, "violations: " + violations.size() + " " + byProblem);
    violations.stream()
        .limit(DETAILED)
        .forEach(v -> line(out, "  job " + v.id() + " " + v.problem() + "\n      " + v.story()));
    if (violations.size() > DETAILED) {
      line(out, "  ... " + (violations.size() - DETAILED) + " more");
    }
    return out.toString();
  }

  /** The 5xx answers other than 503, each with its time, node and body. */
  static String serverErrors(List<String> errors) {
    StringBuilder out = new StringBuilder();
    line(out, "server errors (5xx other than 503): " + errors.size());
    errors.forEach(e -> line(out, "  " + e));
    return out.toString();
  }

  /** Writes the report next to the build's other reports, as well as to the console. */
  static void publish(String report, long seed) throws IOException {
    System.out.println(report);
    Path directory = Path.of(System.getProperty("chaos.report-dir", "target/chaos"));
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("chaos-report-seed-" + seed + ".txt"), report);
  }

  private static void line(StringBuilder out, String text) {
    out.append(text).append('\n');
  }
}
