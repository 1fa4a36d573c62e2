package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.FinishedJob;
import io.taskqueue.bench.entity.ResourceReport;
import io.taskqueue.bench.entity.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code w3}: how long a job waits at a steady offered rate. Submissions follow an {@link
 * OpenLoopSchedule}; latencies are measured from the client's send instant to the server's
 * startedAt and finishedAt (same machine, same clock), so they include the HTTP request. The
 * server's own createdAt→startedAt is reported beside them for reference.
 */
public final class LatencyWorkload implements Workload {

  private final BenchContext bench;
  private final OpenLoopSchedule schedule;
  private final int batchEveryMillis;

  public LatencyWorkload(BenchContext bench, int rate, int seconds, int batchEveryMillis) {
    this.bench = bench;
    this.schedule = new OpenLoopSchedule(rate, seconds);
    this.batchEveryMillis = batchEveryMillis;
  }

  @Override
  public String name() {
    return "w3@" + schedule.rate();
  }

  @Override
  public RunResult run(int run) throws Exception {
    long before = bench.queues().snapshot().completed();
    ResourceSampler.Window window = bench.sampler().start();
    OpenLoopSender.Sent sent = new OpenLoopSender(bench.api()).send(schedule, batchEveryMillis);
    Set<String> ids = new HashSet<>();
    for (String id : sent.ids()) {
      if (id != null) {
        ids.add(id);
      }
    }
    bench
        .queues()
        .await(
            "completion of the submitted jobs",
            q -> q.completed() >= before + ids.size(),
            Duration.ofMillis(100),
            QueueWatch.deadlineFor(ids.size()));
    ResourceReport usage = window.stop();
    RunRecord record = new RunRecord();
    Map<String, FinishedJob> finished = new CompletedJobs(bench.api()).find(ids);
    record
        .metric("offered jobs/s", schedule.rate(), 0)
        .metric(
            "achieved jobs/s",
            OpenLoopSchedule.achievedRate(
                schedule.count(), sent.firstSendNanos(), sent.lastSendNanos()),
            1)
        .detail("sender max lag ms", sent.maxLagNanos() / 1e6, 2)
        .detail("batch every ms", batchEveryMillis, 0);
    addLatencies(record, sent, finished);
    record.metric("errors", sent.errors(), 0).resources(usage, ids.size());
    if (OpenLoopSchedule.fellBehind(sent.maxLagNanos())) {
      record.note(
          String.format(
              "the sender fell %.1f s behind schedule: the offered rate was not achieved",
              sent.maxLagNanos() / 1e9));
    }
    if (sent.errors() > 0) {
      record.fail(sent.errors() + " submissions refused; the first: " + sent.firstError());
    }
    if (finished.size() < ids.size()) {
      record.fail((ids.size() - finished.size()) + " submitted jobs not found completed");
    }
    return record.build(name(), run);
  }

  private static void addLatencies(
      RunRecord record, OpenLoopSender.Sent sent, Map<String, FinishedJob> finished) {
    List<Double> toStart = new ArrayList<>();
    List<Double> toFinish = new ArrayList<>();
    List<Double> createdToStart = new ArrayList<>();
    for (int i = 0; i < sent.ids().length; i++) {
      FinishedJob job = sent.ids()[i] == null ? null : finished.get(sent.ids()[i]);
      if (job != null) {
        Instant sentAt = sent.sentAt()[i];
        toStart.add(millis(sentAt, job.startedAt()));
        toFinish.add(millis(sentAt, job.finishedAt()));
        createdToStart.add(millis(job.createdAt(), job.startedAt()));
      }
    }
    record.latencies("submit→start", array(toStart)).latencies("submit→completed", array(toFinish));
    if (!createdToStart.isEmpty()) {
      Percentiles server = Percentiles.of(array(createdToStart));
      record.metric("server created→start p50 ms", server.at(50), 2);
      record.metric("server created→start p99 ms", server.at(99), 2);
    }
  }

  private static double millis(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
