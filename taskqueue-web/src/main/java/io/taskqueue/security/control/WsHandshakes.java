package io.taskqueue.security.control;

import io.taskqueue.security.entity.SignIn;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Hands the sign-in of an admitted WebSocket handshake from {@link BearerAuthentication}, which
 * checks the credential, to the endpoint's handshake configurator, which cannot see servlet request
 * attributes but can see the same headers and query. Entries are keyed by a hash of the credential
 * (the bearer secret, else the ticket), held for a minute, and not removed when read: concurrent
 * handshakes with one API key all need it, and they all get the same sign-in.
 */
@ApplicationScoped
public class WsHandshakes {

  static final long HOLD_NANOS = TimeUnit.SECONDS.toNanos(60);

  /** Pruned beyond this many, so that a flood of handshakes cannot grow the map without bound. */
  static final int MAX_HELD = 10_000;

  private record Held(SignIn signIn, long atNanos) {}

  private final Map<String, Held> held = new ConcurrentHashMap<>();
  LongSupplier nanoClock = System::nanoTime;

  /** Remembers how the handshake carrying {@code credential} signed in. */
  public void remember(String credential, SignIn signIn) {
    long now = nanoClock.getAsLong();
    if (held.size() >= MAX_HELD) {
      held.values().removeIf(h -> now - h.atNanos() > HOLD_NANOS);
      if (held.size() >= MAX_HELD) {
        held.clear();
      }
    }
    held.put(hash(credential), new Held(signIn, now));
  }

  /** How the handshake carrying {@code credential} signed in, if it did within the last minute. */
  public Optional<SignIn> find(String credential) {
    Held found = held.get(hash(credential));
    if (found == null || nanoClock.getAsLong() - found.atNanos() > HOLD_NANOS) {
      return Optional.empty();
    }
    return Optional.of(found.signIn());
  }

  /**
   * The credential a handshake carried: the bearer secret of its {@code Authorization} header, else
   * its {@code ticket} query parameter, as {@link BearerAuthentication} reads them.
   */
  public static Optional<String> credentialOf(
      Map<String, List<String>> headers, Map<String, List<String>> parameters) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if ("Authorization".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
        String value = header.getValue().get(0);
        return BearerAuthentication.bearerSecret(value);
      }
    }
    List<String> tickets = parameters.get("ticket");
    return tickets == null || tickets.isEmpty() ? Optional.empty() : Optional.of(tickets.get(0));
  }

  private static String hash(String credential) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(credential.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
