package io.taskqueue.security.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * The identity provider's verification keys, as MicroProfile JWT names them: a PEM public key or a
 * JWK set, given inline or at a location (a file, or an {@code https} JWKS endpoint, fetched and
 * refreshed as keys rotate).
 *
 * <p>A JWKS endpoint must be {@code https}: over plain {@code http} anyone on the path could hand
 * us their own keys and sign any token. Plain {@code http} is allowed only to this machine ({@code
 * localhost}, {@code 127.0.0.0/8}, {@code ::1}), where there is no path to attack; tests and
 * sidecar identity providers use it.
 */
final class VerificationKeys {

  private VerificationKeys() {}

  static VerificationKeyResolver resolver(String inline, String location) {
    if (inline != null) {
      return parse(inline);
    }
    if (location.startsWith("https://")) {
      return new HttpsJwksVerificationKeyResolver(new HttpsJwks(location));
    }
    if (location.startsWith("http://")) {
      if (!loopback(location)) {
        throw new IllegalStateException(
            "mp.jwt.verify.publickey.location must be https (plain http only to localhost): "
                + location);
      }
      return new HttpsJwksVerificationKeyResolver(new HttpsJwks(location));
    }
    try {
      return parse(Files.readString(Path.of(location.replaceFirst("^file:", ""))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read mp.jwt.verify.publickey.location", e);
    }
  }

  /** True when the URL's host is this machine, named or numbered (never resolved by DNS). */
  static boolean loopback(String url) {
    String host;
    try {
      host = URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.equals("[::1]")
        || h.equals("::1")
        || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  private static VerificationKeyResolver parse(String text) {
    String trimmed = text.strip();
    try {
      if (trimmed.startsWith("{")) {
        return new JwksVerificationKeyResolver(new JsonWebKeySet(trimmed).getJsonWebKeys());
      }
      PublicKey key = pem(trimmed);
      return (jws, nestingContext) -> key;
    } catch (JoseException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("mp.jwt.verify.publickey is neither PEM nor a JWK set", e);
    }
  }

  private static PublicKey pem(String text) throws GeneralSecurityException {
    byte[] der =
        Base64.getMimeDecoder()
            .decode(text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", ""));
    X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
    try {
      return KeyFactory.getInstance("RSA").generatePublic(spec);
    } catch (GeneralSecurityException notRsa) {
      return KeyFactory.getInstance("EC").generatePublic(spec);
    }
  }
}
