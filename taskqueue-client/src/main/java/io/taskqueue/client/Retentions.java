package io.taskqueue.client;

import io.taskqueue.client.control.Call;
import io.taskqueue.client.control.Transport;
import io.taskqueue.client.entity.Retention;
import java.util.Map;

/** {@code /api/retention}: how long finished jobs and audit entries are kept. */
public final class Retentions {

  private final Transport transport;

  Retentions(Transport transport) {
    this.transport = transport;
  }

  public Retention get() {
    return transport.send(Call.get("getRetention", "api/retention"), Retention.class);
  }

  /**
   * Sets ages in days by name ({@code completedDays}, {@code deadDays}, {@code cancelledDays},
   * {@code auditDays}): 0 keeps for ever, null goes back to the configured age (admin role).
   */
  public Retention change(Map<String, Integer> days) {
    return transport.send(Call.put("changeRetention", "api/retention", days), Retention.class);
  }
}
