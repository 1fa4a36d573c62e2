package io.taskqueue.security.control;

import io.taskqueue.security.entity.SignIn;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Decides which long-lived connections no longer have a valid sign-in: those whose key or token
 * expired by the clock, and those whose API key is revoked (or expired) in the key store, asked
 * once for all of them. Revocation lives in PostgreSQL, so every node learns of it by asking.
 *
 * <p>When the key store cannot be asked (PostgreSQL restarting), only what the clock says is acted
 * on: closing every feed of the cluster for a database blip would be worse than a revocation taking
 * effect a few seconds late.
 */
public final class LapsedSignIns {

  /** The key store's answer: which of these key ids are still neither revoked nor expired. */
  @FunctionalInterface
  public interface KeyLookup {
    Set<Long> activeAmong(Set<Long> keyIds);
  }

  private static final Logger LOG = Logger.getLogger(LapsedSignIns.class.getName());

  private final Clock clock;
  private final KeyLookup keys;

  public LapsedSignIns(Clock clock, KeyLookup keys) {
    this.clock = clock;
    this.keys = keys;
  }

  /** The ids (of {@code signIns}, by connection id) whose sign-in has lapsed. */
  public Set<String> among(Map<String, SignIn> signIns) {
    Instant now = clock.instant();
    Set<String> lapsed = new HashSet<>();
    Set<Long> keyIds = new HashSet<>();
    signIns.forEach(
        (id, signIn) -> {
          if (signIn.expiredAt(now)) {
            lapsed.add(id);
          } else if (signIn.kind() == SignIn.Kind.KEY) {
            keyIds.add(signIn.keyId());
          }
        });
    if (keyIds.isEmpty()) {
      return lapsed;
    }
    Set<Long> active;
    try {
      active = keys.activeAmong(keyIds);
    } catch (RuntimeException e) {
      LOG.warning(() -> "Could not re-check API keys of open connections, keeping them: " + e);
      return lapsed;
    }
    signIns.forEach(
        (id, signIn) -> {
          if (signIn.kind() == SignIn.Kind.KEY && !active.contains(signIn.keyId())) {
            lapsed.add(id);
          }
        });
    return lapsed;
  }
}
