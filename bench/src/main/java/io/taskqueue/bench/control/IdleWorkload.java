package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.RunResult;

/**
 * Submits nothing and measures what the stack spends doing nothing: pollers, lease renewals,
 * schedulers. A queue that burns a core while idle costs that on every deployment.
 */
public final class IdleWorkload implements Workload {

  /** Lets the work of the previous run (folding counters, pruning) die down first. */
  private static final long SETTLE_MILLIS = 5_000;

  private final BenchContext bench;
  private final int seconds;

  public IdleWorkload(BenchContext bench, int seconds) {
    this.bench = bench;
    this.seconds = seconds;
  }

  @Override
  public boolean warmsUp() {
    return false;
  }

  @Override
  public String name() {
    return "idle";
  }

  @Override
  public RunResult run(int run) throws Exception {
    Thread.sleep(SETTLE_MILLIS);
    ResourceSampler.Window window = bench.sampler().start();
    Thread.sleep(seconds * 1000L);
    return new RunRecord().resources(window.stop()).build(name(), run);
  }
}
