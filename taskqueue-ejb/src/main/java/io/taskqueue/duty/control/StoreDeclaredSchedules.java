package io.taskqueue.duty.control;

/**
 * Stores the schedules the application declares in code, once the database takes them: a node that
 * boots while PostgreSQL is away stores them when it is back. After that, each run does nothing.
 */
public final class StoreDeclaredSchedules implements Runnable {

  private final Runnable storeOnce;

  public StoreDeclaredSchedules(Runnable storeOnce) {
    this.storeOnce = storeOnce;
  }

  @Override
  public void run() {
    storeOnce.run();
  }
}
