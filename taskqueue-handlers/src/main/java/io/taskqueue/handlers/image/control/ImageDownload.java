package io.taskqueue.handlers.image.control;

import io.taskqueue.handlers.image.entity.ImageSettings;
import io.taskqueue.handlers.outbound.boundary.LimitedFileBody;
import io.taskqueue.handlers.outbound.boundary.OutboundHttp;
import io.taskqueue.handlers.outbound.boundary.ResponseExcerpt;
import io.taskqueue.handlers.outbound.boundary.ResponseStatus;
import io.taskqueue.handlers.outbound.entity.HostLookup;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.hc.client5.http.classic.methods.HttpGet;

/**
 * Downloads a source image into a file: GET without following redirects, only to addresses the
 * allow-list permits, within one deadline, streamed to disk and cut off past the size limit. The
 * URL's host and port were checked by the payload.
 */
public final class ImageDownload implements AutoCloseable {

  private static final int ERROR_EXCERPT_CHARS = 200;

  private final ImageSettings settings;
  private final OutboundHttp http;
  private final Clock clock;

  /**
   * A downloader with the handler's limits.
   *
   * @param settings the size limit, timeouts and allowed hosts
   * @param clock the current time, for {@code Retry-After} dates
   * @param lookup resolves host names; every address it gives is checked before connecting
   */
  public ImageDownload(ImageSettings settings, Clock clock, HostLookup lookup) {
    this.settings = settings;
    this.clock = clock;
    this.http = new OutboundHttp(settings.allowedHosts(), settings.connectTimeout(), lookup);
  }

  /**
   * Downloads {@code url} into {@code file}.
   *
   * @param url the image's URL, on an allowed host
   * @param file an existing file to fill
   * @throws Exception {@link io.taskqueue.NonRetryableException} for a body over the limit, an
   *     address calls may not reach or a permanent HTTP failure (404, a redirect...), a retryable
   *     one for 408, 429, 5xx, network failures and the deadline
   */
  public void into(URI url, Path file) throws Exception {
    // The body is the file on success; on failure only an excerpt is read, for the message.
    OutboundHttp.Answer<String> answer =
        http.exchange(
            new HttpGet(url),
            settings.downloadTimeout(),
            (status, charset, body) -> {
              if (ResponseStatus.isSuccess(status)) {
                LimitedFileBody.copy(body, file, settings.maxInputBytes());
                return "";
              }
              return ResponseExcerpt.read(body, charset, ERROR_EXCERPT_CHARS);
            });
    if (!ResponseStatus.isSuccess(answer.status())) {
      throw ResponseStatus.failure(
          "image host " + url.getHost(),
          answer.status(),
          answer.header("Retry-After").orElse(null),
          answer
              .header("Location")
              .map(to -> "redirect to " + to + " not followed")
              .orElse(answer.body()),
          clock.instant());
    }
  }

  /** Closes the connections kept for later downloads. */
  @Override
  public void close() {
    http.close();
  }
}
