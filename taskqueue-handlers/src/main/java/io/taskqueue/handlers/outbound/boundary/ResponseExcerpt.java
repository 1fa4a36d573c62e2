package io.taskqueue.handlers.outbound.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the first characters of a response body and stops: a huge or endless body costs a few
 * kilobytes, never the whole body in memory. The connection is closed, not drained, afterwards.
 */
public final class ResponseExcerpt {

  private ResponseExcerpt() {}

  /**
   * A reader that keeps at most {@code maxChars} characters of a body.
   *
   * @param maxChars how many characters to keep
   * @return the reader
   */
  public static OutboundHttp.BodyReader<String> reader(int maxChars) {
    return (status, charset, body) -> read(body, charset, maxChars);
  }

  /**
   * Up to {@code maxChars} characters from the start of {@code body}, malformed input replaced.
   *
   * @param body the body
   * @param charset its charset
   * @param maxChars how many characters to keep
   * @return the excerpt
   * @throws IOException when reading fails
   */
  public static String read(InputStream body, Charset charset, int maxChars) throws IOException {
    // Enough bytes for maxChars characters in any common encoding (UTF-8 takes at most 4).
    byte[] bytes = body.readNBytes(maxChars * 4);
    try {
      CharBuffer chars =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(bytes));
      return chars.length() <= maxChars
          ? chars.toString()
          : chars.subSequence(0, maxChars).toString();
    } catch (CharacterCodingException cannotHappenWithReplace) {
      return "";
    }
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
}
