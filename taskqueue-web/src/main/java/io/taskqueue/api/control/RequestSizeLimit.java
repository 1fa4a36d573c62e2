package io.taskqueue.api.control;

import io.taskqueue.api.entity.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over {@code taskqueue.api.max-request-bytes} with 413: at once when the
 * Content-Length says so, and while reading when a chunked body grows past it.
 */
@Provider
public class RequestSizeLimit implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "taskqueue.api.max-request-bytes", defaultValue = "16777216")
  long maxBytes;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > maxBytes) {
      throw tooLarge();
    }
    request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes));
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
