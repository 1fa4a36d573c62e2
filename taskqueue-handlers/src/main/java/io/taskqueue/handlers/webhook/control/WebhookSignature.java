package io.taskqueue.handlers.webhook.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body as Stripe and GitHub do: {@code v1=} and the hex HMAC-SHA256 of {@code
 * "<timestamp>.<body>"}. The timestamp is signed too, so a receiver that rejects old timestamps
 * cannot be fed a recorded call again later.
 */
public final class WebhookSignature {

  /** Unix seconds when the call was signed. */
  public static final String TIMESTAMP_HEADER = "X-Taskqueue-Timestamp";

  /** {@code v1=<hex HMAC-SHA256>}. */
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
   * @param body the exact body sent
   * @return {@code v1=<64 hex digits>}
   */
  public String sign(long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
