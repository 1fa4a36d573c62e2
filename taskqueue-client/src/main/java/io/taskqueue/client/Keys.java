package io.taskqueue.client;

import io.taskqueue.client.control.Call;
import io.taskqueue.client.control.ListOf;
import io.taskqueue.client.control.Transport;
import io.taskqueue.client.entity.ApiKey;
import io.taskqueue.client.entity.KeyRequest;
import java.util.List;

/** {@code /api/keys}: API keys (admin role). */
public final class Keys {

  private final Transport transport;

  Keys(Transport transport) {
    this.transport = transport;
  }

  /** Every key, without secrets. */
  public List<ApiKey> list() {
    return transport.send(Call.get("listKeys", "api/keys"), new ListOf(ApiKey.class));
  }

  /** A new key; its {@code secret} is in this answer only. */
  public ApiKey create(KeyRequest key) {
    return transport.send(Call.post("createKey", "api/keys", key), ApiKey.class);
  }

  /** Revokes a key; it stops working at once on every node. */
  public ApiKey revoke(long id) {
    return transport.send(Call.delete("revokeKey", "api/keys/" + id), ApiKey.class);
  }
}
