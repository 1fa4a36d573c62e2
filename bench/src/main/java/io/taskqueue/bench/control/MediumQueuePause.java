package io.taskqueue.bench.control;

/**
 * Keeps the medium-priority queue (where jobs go by default) paused until closed. A shutdown hook
 * resumes it too, so that a bench stopped with Ctrl-C or killed by an error never leaves a server
 * whose workers take no jobs.
 */
public final class MediumQueuePause implements AutoCloseable {

  private static final String PRIORITY = "medium";

  private final TaskqueueApi api;
  private final Thread resumeAtExit;
  private boolean paused;

  private MediumQueuePause(TaskqueueApi api) {
    this.api = api;
    this.resumeAtExit = new Thread(this::resumeQuietly, "bench-resume-medium");
  }

  public static MediumQueuePause engage(TaskqueueApi api) throws Exception {
    MediumQueuePause pause = new MediumQueuePause(api);
    Runtime.getRuntime().addShutdownHook(pause.resumeAtExit);
    pause.paused = true; // set first: a pause that half-succeeded must still be undone
    api.pause(PRIORITY);
    return pause;
  }

  /** Resumes now; closing later does nothing more. */
  public synchronized void resume() throws Exception {
    if (paused) {
      api.resume(PRIORITY);
      paused = false;
    }
  }

  @Override
  public void close() throws Exception {
    try {
      resume();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(resumeAtExit);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook is running or has run
      }
    }
  }

  private void resumeQuietly() {
    try {
      resume();
    } catch (Exception e) {
      System.err.println(
          "bench: could not resume the medium queue; POST /api/queues/medium/resume by hand: " + e);
    }
  }
}
