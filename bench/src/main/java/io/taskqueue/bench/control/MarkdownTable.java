package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.Metric;
import io.taskqueue.bench.entity.RunResult;
import io.taskqueue.bench.entity.Summary;
import java.util.List;

/** The summaries as a Markdown table, to paste into a README. Details stay in the JSON. */
public final class MarkdownTable {

  private MarkdownTable() {}

  public static String of(List<Summary> summaries, List<RunResult> results) {
    StringBuilder table =
        new StringBuilder("| workload | metric | median | min–max |\n|---|---|---:|---|\n");
    for (Summary s : summaries) {
      if (!s.detail()) {
        table.append(
            String.format(
                "| %s | %s | %s | %s–%s |%n",
                s.workload(),
                s.metric(),
                Metric.format(s.median(), s.decimals()),
                Metric.format(s.min(), s.decimals()),
                Metric.format(s.max(), s.decimals())));
      }
    }
    long failed = results.stream().filter(r -> !r.ok()).count();
    if (failed > 0) {
      table.append(
          String.format(
              "%n%d of %d runs failed and are left out of the medians.%n", failed, results.size()));
    }
    return table.toString();
  }
}
