package io.taskqueue.security.boundary;

import io.taskqueue.json.boundary.JsonText;
import io.taskqueue.security.entity.Caller;
import io.taskqueue.store.control.RedisKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Short-lived, single-use tickets that let a browser open the event WebSocket without putting a key
 * or token in the URL (browsers cannot set headers on a WebSocket handshake). A ticket is kept in
 * Redis, so any node can accept it, under the hash of its secret, and is deleted as it is used.
 */
@ApplicationScoped
public class WsTickets {

  @Inject RedisClient redis;
  @Inject RedisKeys keys;

  @Inject
  @ConfigProperty(name = "taskqueue.ws.ticket-ttl-seconds", defaultValue = "30")
  int ttlSeconds;

  /** A ticket redeemed: who it stands for, and the credential that caller signed in with. */
  public record Redeemed(Caller caller, String credential) {}

  /**
   * A new ticket standing for {@code caller}; valid once, for the configured time. {@code
   * credential} (opaque here) says how the caller signed in, so that a WebSocket opened with the
   * ticket can be closed when that credential is revoked or expires.
   */
  public String issue(Caller caller, String credential) {
    String ticket = KeySecrets.generate();
    JsonObject value =
        JsonText.objectBuilder()
            .add("name", caller.name())
            .add("via", caller.via())
            .add("roles", JsonText.provider().createArrayBuilder(caller.roles()))
            .add("credential", credential)
            .build();
    redis.set(key(ticket), value.toString(), SetParams.setParams().ex(ttlSeconds));
    return ticket;
  }

  /** The caller the ticket was issued to, if it is live; it cannot be used again. */
  public Optional<Redeemed> redeem(String ticket) {
    String value = redis.getDel(key(ticket));
    if (value == null) {
      return Optional.empty();
    }
    JsonObject json = JsonText.readObject(value);
    return Optional.of(
        new Redeemed(
            new Caller(
                json.getString("name"),
                json.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .collect(Collectors.toSet()),
                json.getString("via")),
            json.getString("credential", "")));
  }

  public int ttlSeconds() {
    return ttlSeconds;
  }

  private String key(String ticket) {
    return keys.wsTicket(HexFormat.of().formatHex(KeySecrets.hash(ticket)));
  }
}
