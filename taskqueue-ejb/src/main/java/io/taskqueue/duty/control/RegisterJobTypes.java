package io.taskqueue.duty.control;

import java.util.function.BooleanSupplier;

/**
 * Renews the job types this node runs in the cluster's registry (while its workers run) and reads
 * everybody's back, so that this node accepts submits of every type the cluster runs.
 */
public final class RegisterJobTypes implements Runnable {

  private final BooleanSupplier working;
  private final Runnable register;
  private final Runnable refresh;

  public RegisterJobTypes(BooleanSupplier working, Runnable register, Runnable refresh) {
    this.working = working;
    this.register = register;
    this.refresh = refresh;
  }

  @Override
  public void run() {
    if (working.getAsBoolean()) {
      register.run();
    }
    refresh.run();
  }
}
