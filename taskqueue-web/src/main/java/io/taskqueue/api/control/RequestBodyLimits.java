package io.taskqueue.api.control;

import io.taskqueue.api.entity.Problem;
import io.taskqueue.json.boundary.JsonText;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over {@code taskqueue.api.max-request-bytes} with 413 (at once when the
 * Content-Length says so, while reading when a chunked body grows past it), and bodies that are not
 * valid UTF-8 or not exactly one well-formed JSON value with 400: the binding layer would otherwise
 * replace bad bytes with U+FFFD, or stop reading after the first value, and store a job that is not
 * what the client sent.
 */
public class RequestBodyLimits implements ContainerRequestFilter {

  /** Request property with the top-level JSON value type of the body. */
  static final String JSON_ROOT = "io.taskqueue.json-root";

  @Inject
  @ConfigProperty(name = "taskqueue.api.max-request-bytes", defaultValue = "16777216")
  long maxBytes;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > maxBytes) {
      throw tooLarge();
    }
    if (!request.hasEntity()) {
      return;
    }
    byte[] body;
    try (InputStream in = new Bounded(request.getEntityStream(), maxBytes)) {
      body = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!isUtf8(body)) {
      throw new WebApplicationException(
          new Problem(
                  "urn:taskqueue:problem:invalid-encoding",
                  "Invalid encoding",
                  400,
                  "Request bodies must be UTF-8; this one has a malformed byte sequence.")
              .toResponse());
    }
    request.setProperty(JSON_ROOT, jsonRoot(body));
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  /**
   * Whether the bytes are well-formed UTF-8, decoded 8 KiB at a time into one small buffer:
   * decoding the whole body at once would hold a second copy of it, twice its size, in chars.
   */
  static boolean isUtf8(byte[] body) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(8 * 1024);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return false;
      }
      if (result.isUnderflow()) {
        return !decoder.flush(out.clear()).isError();
      }
      out.clear();
    }
  }

  /**
   * Reads the whole body as JSON, so that trailing garbage after the first value, which the binding
   * layer would ignore, is refused; returns the kind of the top-level value.
   */
  private static JsonValue.ValueType jsonRoot(byte[] body) {
    if (body.length == 0) {
      return JsonValue.ValueType.NULL;
    }
    try (JsonParser parser = JsonText.parser(new ByteArrayInputStream(body))) {
      JsonValue.ValueType root = null;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (root == null) {
          root =
              switch (event) {
                case START_OBJECT -> JsonValue.ValueType.OBJECT;
                case START_ARRAY -> JsonValue.ValueType.ARRAY;
                default -> JsonValue.ValueType.STRING;
              };
        }
      }
      return root;
    } catch (RuntimeException e) {
      // JsonException mostly, but Parsson reports nesting beyond its limit (1,000) with a bare
      // RuntimeException: whatever the parser refuses is the client's error.
      throw new WebApplicationException(
          new Problem(
                  "urn:taskqueue:problem:malformed-json",
                  "Malformed JSON",
                  400,
                  "The request body is not one well-formed JSON value: " + e.getMessage())
              .toResponse());
    }
  }

  /**
   * Whether the body's top-level value is a JSON object, for resources that take one (JSON-B would
   * otherwise bind the first element of an array to it).
   */
  public static boolean bodyIsObject(HttpServletRequest request) {
    return request.getAttribute(JSON_ROOT) == JsonValue.ValueType.OBJECT;
  }

  private WebApplicationException tooLarge() {
    return new WebApplicationException(
        new Problem(
                "urn:taskqueue:problem:request-too-large",
                "Request too large",
                413,
                "Request bodies are limited to " + maxBytes + " bytes.")
            .toResponse());
  }

  private final class Bounded extends FilterInputStream {
    private long remaining;

    Bounded(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --remaining < 0) {
        throw tooLarge();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0 && (remaining -= n) < 0) {
        throw tooLarge();
      }
      return n;
    }
  }
}
