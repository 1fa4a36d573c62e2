package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.SubmitOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Submits a number of jobs from a number of clients, each sending its next request as soon as the
 * previous one is answered (a closed loop: the server's speed sets the pace). A request of {@code
 * batch} jobs goes to {@code /api/jobs/batch}; a batch of 1 goes to {@code /api/jobs}.
 *
 * <p>Anything but 201 counts as an error; its jobs are not sent again, so a run with errors submits
 * fewer jobs than asked and is failed by its workload.
 */
public final class ClosedLoopSubmitter {

  private final TaskqueueApi api;
  private final int clients;
  private final int batch;

  public ClosedLoopSubmitter(TaskqueueApi api, int clients, int batch) {
    this.api = api;
    this.clients = clients;
    this.batch = batch;
  }

  public SubmitOutcome submit(long jobs) throws Exception {
    AtomicLong issued = new AtomicLong();
    AtomicLong accepted = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try (PooledPoster poster = api.poster(clients)) {
      List<Future<double[]>> latencies = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        latencies.add(
            pool.submit(
                () -> {
                  List<Double> mine = new ArrayList<>();
                  long from;
                  while ((from = issued.getAndAdd(batch)) < jobs) {
                    int size = (int) Math.min(batch, jobs - from);
                    long sent = System.nanoTime();
                    PooledPoster.Answer answer = poster.post(path(), body(size));
                    mine.add((System.nanoTime() - sent) / 1e6);
                    if (answer.status() == 429) {
                      throw new RateLimitedException(path());
                    }
                    if (answer.status() == 201) {
                      accepted.addAndGet(size);
                    } else {
                      errors.incrementAndGet();
                      firstError.compareAndSet(
                          null, TaskqueueApi.describe(path(), answer.status(), answer.body()));
                    }
                  }
                  return mine.stream().mapToDouble(Double::doubleValue).toArray();
                }));
      }
      List<double[]> perClient = new ArrayList<>();
      for (Future<double[]> client : latencies) {
        perClient.add(Unwrap.get(client));
      }
      long elapsed = System.nanoTime() - start;
      double[] all = perClient.stream().flatMapToDouble(Arrays::stream).toArray();
      return new SubmitOutcome(accepted.get(), errors.get(), elapsed, all, firstError.get());
    } finally {
      pool.shutdownNow();
    }
  }

  private String path() {
    return batch == 1 ? "/api/jobs" : "/api/jobs/batch";
  }

  private String body(int size) {
    return batch == 1 ? JobBodies.single() : JobBodies.batch(size);
  }
}
