package io.taskqueue.handlers.outbound.boundary;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.outbound.control.CheckedDnsResolver;
import io.taskqueue.handlers.outbound.control.RefusedAddressException;
import io.taskqueue.handlers.outbound.entity.AllowedHosts;
import io.taskqueue.handlers.outbound.entity.HostLookup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The one way handlers call other hosts. Every connection goes to an address the allow-list checked
 * ({@link CheckedDnsResolver}: internal addresses are refused unless their network is allowed, and
 * the client connects to the very addresses checked); no redirect is followed (a 3xx is the
 * caller's to judge, so that no allow-list is left behind by a hop to another host); no proxy,
 * cookie, automatic retry or content decoding (a small gzip body must not inflate past the limits);
 * and one deadline covers connecting, the answer's headers and its body: a server that trickles or
 * stalls is cut off when it passes.
 */
public final class OutboundHttp implements AutoCloseable {

  /** Reads an answer's body, bounding what it keeps. */
  @FunctionalInterface
  public interface BodyReader<T> {
    /**
     * Reads the body.
     *
     * @param status the answer's status code
     * @param charset the charset its {@code Content-Type} names, UTF-8 when none
     * @param body the body (empty when there is none); the caller closes it
     * @return what the caller keeps of it
     * @throws IOException when reading fails (the exchange failed)
     * @throws NonRetryableException when the body is refused for good (too large, say)
     */
    T read(int status, Charset charset, InputStream body) throws IOException, NonRetryableException;
  }

  /**
   * An answer: its status, the first value of each header (by lower-case name), and what the reader
   * kept of its body.
   */
  public record Answer<T>(int status, Map<String, String> headers, T body) {
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  private final CloseableHttpClient client;

  /**
   * A client whose connections obey {@code allowed}, resolving names with the system resolver.
   *
   * @param allowed the hosts, ports and internal networks calls may reach
   * @param connectTimeout how long to wait for a connection
   */
  public OutboundHttp(AllowedHosts allowed, Duration connectTimeout) {
    this(allowed, connectTimeout, HostLookup.SYSTEM);
  }

  /**
   * A client whose connections obey {@code allowed}, resolving names with {@code lookup}.
   *
   * @param allowed the hosts, ports and internal networks calls may reach
   * @param connectTimeout how long to wait for a connection
   * @param lookup the name resolution to check and connect with
   */
  public OutboundHttp(AllowedHosts allowed, Duration connectTimeout, HostLookup lookup) {
    Timeout connect = Timeout.of(connectTimeout);
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new CheckedDnsResolver(allowed, lookup))
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom().setConnectTimeout(connect).build())
                    .setMaxConnTotal(64)
                    .setMaxConnPerRoute(16)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(connect)
                    .setRedirectsEnabled(false)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableContentCompression()
            .disableAuthCaching()
            .setUserAgent("taskqueue")
            .build();
  }

  /**
   * Sends the request and reads the answer, all within {@code deadline}.
   *
   * @param <T> what the reader keeps
   * @param request the request, built by the caller (its URL was checked against the allow-list)
   * @param deadline the longest the exchange may take, connecting included
   * @param reader reads the body, bounding what it keeps
   * @return the answer
   * @throws RetryableRemoteException when the connection fails or the deadline passes
   * @throws NonRetryableException when the host resolves only to addresses calls may not reach, or
   *     the reader refused the body for good
   */
  public <T> Answer<T> exchange(HttpUriRequestBase request, Duration deadline, BodyReader<T> reader)
      throws RetryableRemoteException, NonRetryableException {
    String where = request.getMethod() + " " + request.getAuthority().getHostName();
    request.setConfig(
        RequestConfig.copy(
                request.getConfig() == null ? RequestConfig.DEFAULT : request.getConfig())
            .setResponseTimeout(Timeout.of(deadline))
            .setRedirectsEnabled(false)
            .build());
    AtomicBoolean finished = new AtomicBoolean();
    AtomicBoolean timedOut = new AtomicBoolean();
    // Aborting the request closes its connection, which wakes a read blocked on it.
    CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              if (!finished.get()) {
                timedOut.set(true);
                request.cancel();
              }
            });
    try {
      ClassicHttpResponse response = client.executeOpen(null, request, null);
      try {
        HttpEntity entity = response.getEntity();
        Charset charset =
            Optional.ofNullable(entity)
                .map(HttpEntity::getContentType)
                .map(ResponseExcerpt::charsetOf)
                .orElse(StandardCharsets.UTF_8);
        InputStream in = entity == null ? InputStream.nullInputStream() : entity.getContent();
        T body = reader.read(response.getCode(), charset, in);
        return new Answer<>(response.getCode(), firstValues(response.getHeaders()), body);
      } finally {
        // Closing the body would drain it to reuse the connection: an endless body never ends.
        // Aborting drops the connection instead, read to the end or not.
        request.cancel();
        closeAborted(response);
      }
    } catch (RefusedAddressException e) {
      throw new NonRetryableException(e.getMessage());
    } catch (IOException e) {
      if (timedOut.get()) {
        throw new RetryableRemoteException(where + ": no complete answer within " + deadline, e);
      }
      throw new RetryableRemoteException(where + " failed: " + e, e);
    } finally {
      finished.set(true);
    }
  }

  private static void closeAborted(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException alreadyAborted) {
      // the connection is gone, as intended; what was read is the answer
    }
  }

  private static Map<String, String> firstValues(Header[] headers) {
    Map<String, String> first = new TreeMap<>();
    for (Header header : headers) {
      first.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
    }
    return first;
  }

  /** Closes the connections this client holds. */
  @Override
  public void close() {
    client.close(CloseMode.IMMEDIATE);
  }
}
