package io.taskqueue.handlers.outbound.boundary;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads the first characters of a response body and then hangs up: a huge or endless body costs a
 * few kilobytes, never the whole body in memory. Cancelling the subscription makes the client close
 * the connection.
 */
public final class ResponseExcerpt implements BodySubscriber<String> {

  private final Charset charset;
  private final int maxChars;
  private final int maxBytes;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<String> body = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private ResponseExcerpt(Charset charset, int maxChars) {
    this.charset = charset;
    this.maxChars = maxChars;
    // Enough bytes for maxChars characters in any common encoding (UTF-8 takes at most 4).
    this.maxBytes = maxChars * 4;
  }

  /**
   * A body handler that keeps at most {@code maxChars} characters of each body, decoded with the
   * charset of its {@code Content-Type} (UTF-8 when none).
   *
   * @param maxChars how many characters to keep
   * @return the handler
   */
  public static HttpResponse.BodyHandler<String> handler(int maxChars) {
    return info ->
        new ResponseExcerpt(
            charsetOf(info.headers().firstValue("Content-Type").orElse("")), maxChars);
  }

  static Charset charsetOf(String contentType) {
    for (String parameter : contentType.split(";")) {
      String[] nameValue = parameter.strip().split("=", 2);
      if (nameValue.length == 2
          && nameValue[0].strip().toLowerCase(Locale.ROOT).equals("charset")) {
        try {
          return Charset.forName(nameValue[1].strip().replace("\"", ""));
        } catch (IllegalArgumentException unknown) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  @Override
  public CompletionStage<String> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer buffer : buffers) {
      int take = Math.min(buffer.remaining(), maxBytes - bytes.size());
      byte[] chunk = new byte[take];
      buffer.get(chunk);
      bytes.write(chunk, 0, take);
    }
    if (bytes.size() >= maxBytes) {
      subscription.cancel();
      body.complete(decode());
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onError(Throwable failure) {
    body.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    body.complete(decode());
  }

  private String decode() {
    try {
      CharBuffer chars =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(bytes.toByteArray()));
      return chars.length() <= maxChars
          ? chars.toString()
          : chars.subSequence(0, maxChars).toString();
    } catch (CharacterCodingException cannotHappenWithReplace) {
      return "";
    }
  }
}
