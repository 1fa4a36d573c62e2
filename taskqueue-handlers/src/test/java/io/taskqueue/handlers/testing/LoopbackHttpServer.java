package io.taskqueue.handlers.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 and a free port that records every request it gets. Handlers that
 * must stall wait on {@link #release()}, which closing the server opens.
 */
public final class LoopbackHttpServer implements AutoCloseable {

  /** One request as the server got it. */
  public record Received(String method, String path, Headers headers, String body) {}

  /** What a test path answers. */
  @FunctionalInterface
  public interface Answer {
    void answer(HttpExchange exchange) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  public LoopbackHttpServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.start();
  }

  /** Serves {@code path} (and below) with {@code answer}, recording each request first. */
  public LoopbackHttpServer on(String path, Answer answer) {
    server.createContext(
        path,
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(),
                    new String(body, StandardCharsets.UTF_8)));
            answer.answer(exchange);
          } catch (IOException e) {
            throw e;
          } catch (Exception e) {
            throw new IOException(e);
          }
        });
    return this;
  }

  /** Answers with a status, a body and headers given as name, value, name, value... */
  public static Answer respond(int status, String body, String... headers) {
    return exchange -> {
      for (int i = 0; i < headers.length; i += 2) {
        exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
    };
  }

  /** Blocks a handler until the test ends. */
  public void awaitRelease() throws InterruptedException {
    release.await();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port><path>} */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public void release() {
    release.countDown();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
