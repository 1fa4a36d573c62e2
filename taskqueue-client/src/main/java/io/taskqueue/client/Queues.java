package io.taskqueue.client;

import io.taskqueue.client.control.Call;
import io.taskqueue.client.control.Transport;
import io.taskqueue.client.entity.Priority;
import io.taskqueue.client.entity.QueueOverview;
import io.taskqueue.client.entity.QueueState;

/** {@code /api/queues}: depths per priority, and pausing a priority. */
public final class Queues {

  private final Transport transport;

  Queues(Transport transport) {
    this.transport = transport;
  }

  /** Jobs waiting per priority, delayed and in flight (Redis), and jobs per status. */
  public QueueOverview overview() {
    return transport.send(Call.get("getQueues", "api/queues"), QueueOverview.class);
  }

  /** Workers stop taking this priority's jobs; submissions are still accepted. */
  public QueueState pause(Priority priority) {
    return transport.send(
        Call.post("pauseQueue", "api/queues/" + priority.wireName() + "/pause", null).idempotent(),
        QueueState.class);
  }

  /** Workers take this priority's jobs again. */
  public QueueState resume(Priority priority) {
    return transport.send(
        Call.post("resumeQueue", "api/queues/" + priority.wireName() + "/resume", null)
            .idempotent(),
        QueueState.class);
  }
}
