package io.taskqueue.bench.control;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs for the closed-loop submitters: one blocking keep-alive HTTP/1.1 connection per client
 * thread from a pool of exactly that many, no protocol upgrade. The JDK's HttpClient spent about
 * 0.7 ms of the load generator's CPU per request here and held single submits to 60 % of what wrk
 * reached on the same server; this spends a fraction of that, so the server sets the pace.
 */
final class PooledPoster implements Closeable {

  /** A response: its status and body. */
  record Answer(int status, String body) {}

  private final URI base;
  private final String authorization;
  private final CloseableHttpClient http;

  PooledPoster(URI base, String authorization, int connections) {
    this.base = base;
    this.authorization = authorization;
    PoolingHttpClientConnectionManager pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(connections)
            .setMaxConnPerRoute(connections)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofSeconds(5))
                    .setSocketTimeout(Timeout.ofSeconds(60))
                    .build())
            .build();
    this.http =
        HttpClients.custom()
            .setConnectionManager(pool)
            .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
            .disableAutomaticRetries()
            .disableCookieManagement()
            .build();
  }

  Answer post(String path, String json) throws IOException {
    HttpPost post = new HttpPost(base.resolve(path));
    post.setHeader("Authorization", authorization);
    post.setHeader("Accept", "application/json");
    post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
    return http.execute(
        post,
        response ->
            new Answer(
                response.getCode(),
                response.getEntity() == null
                    ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
