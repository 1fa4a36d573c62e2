package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.RunResult;

/** One kind of measurement, repeated for each run. */
public interface Workload {

  /** As it appears in the results: {@code idle}, {@code w1}, {@code w3@500}, ... */
  String name();

  /**
   * Measures once, on a server with no unfinished jobs. A run that goes wrong in a way worth
   * reporting returns a failed result; an exception fails it with the exception's message.
   */
  RunResult run(int run) throws Exception;

  /**
   * Whether unrecorded runs should come first, for the server's JIT. Not for a workload that
   * measures an idle server, or one whose every run changes the database for good.
   */
  default boolean warmsUp() {
    return true;
  }
}
