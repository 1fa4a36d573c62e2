package io.taskqueue.duty.control;

import java.util.Collection;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongBiFunction;

/**
 * Takes back the jobs that nodes without a handler for their type parked, for the types this node
 * runs: only while its workers run, so that a node that would not run them does not hand them to
 * nodes that cannot either.
 */
public final class UnparkOwnTypes implements Runnable {

  private final BooleanSupplier working;
  private final Supplier<Collection<String>> ownTypes;
  private final ToLongBiFunction<Collection<String>, Integer> unpark;
  private final int batch;

  public UnparkOwnTypes(
      BooleanSupplier working,
      Supplier<Collection<String>> ownTypes,
      ToLongBiFunction<Collection<String>, Integer> unpark,
      int batch) {
    this.working = working;
    this.ownTypes = ownTypes;
    this.unpark = unpark;
    this.batch = batch;
  }

  @Override
  public void run() {
    if (working.getAsBoolean()) {
      unpark.applyAsLong(ownTypes.get(), batch);
    }
  }
}
