package io.taskqueue.support;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * A stand-in identity provider for the tests: an RSA key pair made once per test JVM, the public
 * half handed to the servers as {@code mp.jwt.verify.publickey}, the private half signing tokens.
 */
public final class TestTokens {

  public static final String ISSUER = "https://idp.taskqueue.test";
  private static final KeyPair KEYS = keyPair();

  private TestTokens() {}

  /** The MicroProfile JWT settings that make a server trust this provider. */
  public static Map<String, String> serverSettings() {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----";
    return Map.of("mp.jwt.verify.publickey", pem, "mp.jwt.verify.issuer", ISSUER);
  }

  /**
   * A token for {@code user} in {@code groups}, expiring in {@code seconds} (negative: expired).
   */
  public static String token(String user, List<String> groups, long seconds) {
    return sign(user, groups, seconds, ISSUER, KEYS);
  }

  /** A well-formed token signed by a key the servers do not trust. */
  public static String forgedToken(String user, List<String> groups) {
    return sign(user, groups, 300, ISSUER, keyPair());
  }

  /** The public key servers are given, as PEM. */
  public static String publicKeyPem() {
    return serverSettings().get("mp.jwt.verify.publickey");
  }

  /**
   * Claims as {@link #token} makes them: issuer, subject {@code user}, the same {@code upn},
   * groups, issued now, expiring in {@code seconds}. Change them and {@link #sign} them.
   */
  public static JwtClaims claims(String user, List<String> groups, long seconds) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setSubject(user);
    claims.setClaim("upn", user);
    claims.setStringListClaim("groups", groups);
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(seconds / 60f);
    return claims;
  }

  /** {@code claims} signed by the trusted key, with header {@code typ} when it is not null. */
  public static String sign(JwtClaims claims, String typ) {
    return sign(claims, typ, KEYS);
  }

  private static String sign(
      String user, List<String> groups, long seconds, String issuer, KeyPair keys) {
    JwtClaims claims = claims(user, groups, seconds);
    claims.setIssuer(issuer);
    return sign(claims, null, keys);
  }

  private static String sign(JwtClaims claims, String typ, KeyPair keys) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(keys.getPrivate());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    if (typ != null) {
      jws.setHeader("typ", typ);
    }
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
