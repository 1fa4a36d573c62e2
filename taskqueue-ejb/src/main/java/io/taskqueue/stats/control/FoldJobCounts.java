package io.taskqueue.stats.control;

/** A background task: folds the per-statement count deltas into the per-status totals. */
public final class FoldJobCounts implements Runnable {

  private final StatsStore store;

  public FoldJobCounts(StatsStore store) {
    this.store = store;
  }

  @Override
  public void run() {
    store.foldCountDeltas();
  }
}
