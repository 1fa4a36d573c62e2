package io.taskqueue.handlers.webhook.control;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook call: {@code v2=} and the hex HMAC-SHA256 of {@code "<timestamp>.<url>.<body>"}.
 * The timestamp is signed, so a receiver that rejects old timestamps cannot be fed a recorded call
 * again later; the URL is signed, so a receiver cannot replay a call it got to another URL, not
 * even one that shares its secret. ({@code v1}, without the URL, is no longer sent.)
 */
public final class WebhookSignature {

  /** Unix seconds when the call was signed. */
  public static final String TIMESTAMP_HEADER = "X-Taskqueue-Timestamp";

  /**
   * The URL that was signed, so that a receiver checks it is one of its own instead of rebuilding
   * it from a request that proxies may have rewritten.
   */
  public static final String URL_HEADER = "X-Taskqueue-Url";

  /** {@code v2=<hex HMAC-SHA256>}. */
  public static final String SIGNATURE_HEADER = "X-Taskqueue-Signature";

  private final SecretKeySpec key;

  /**
   * A signer with the shared secret.
   *
   * @param secret the secret, as configured (UTF-8 bytes are the key)
   */
  public WebhookSignature(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /**
   * The signature header value for one call.
   *
   * @param timestamp unix seconds, as sent in {@link #TIMESTAMP_HEADER}
   * @param url the URL posted to, exactly as in the request line and {@code Host}
   * @param body the exact body sent
   * @return {@code v2=<64 hex digits>}
   */
  public String sign(long timestamp, URI url, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest =
          mac.doFinal((timestamp + "." + url + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v2=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
