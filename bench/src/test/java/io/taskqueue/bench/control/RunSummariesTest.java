package io.taskqueue.bench.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskqueue.bench.entity.Metric;
import io.taskqueue.bench.entity.RunResult;
import io.taskqueue.bench.entity.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummariesTest {

  @Test
  void eachMetricGetsTheMedianAndRangeOfItsWorkloadsRuns() {
    List<Summary> summaries =
        RunSummaries.of(
            List.of(
                run("w1", 1, 300, 5),
                run("w1", 2, 100, 4),
                run("w1", 3, 200, 9),
                run("w2", 1, 50, 1)));
    assertEquals(4, summaries.size()); // 2 metrics of w1, 2 of w2
    Summary w1Rate = summaries.get(0);
    assertEquals("w1", w1Rate.workload());
    assertEquals("jobs/s", w1Rate.metric());
    assertEquals(200, w1Rate.median());
    assertEquals(100, w1Rate.min());
    assertEquals(300, w1Rate.max());
    assertEquals(3, w1Rate.runs());
    assertEquals(5, summaries.get(1).median());
    assertEquals("w2", summaries.get(2).workload());
  }

  @Test
  void failedRunsAreLeftOutOfTheMedian() {
    RunResult failed =
        new RunResult("w1", 2, List.of(Metric.of("jobs/s", 1, 1)), List.of(), "3 requests refused");
    List<Summary> summaries = RunSummaries.of(List.of(run("w1", 1, 300, 5), failed));
    assertEquals(300, summaries.get(0).median());
    assertEquals(1, summaries.get(0).runs());
  }

  private static RunResult run(String workload, int run, double rate, double p50) {
    return new RunResult(
        workload,
        run,
        List.of(Metric.of("jobs/s", rate, 1), Metric.of("request p50 ms", p50, 2)),
        List.of(),
        null);
  }
}
