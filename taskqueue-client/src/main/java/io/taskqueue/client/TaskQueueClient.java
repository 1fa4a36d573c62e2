package io.taskqueue.client;

import io.taskqueue.client.control.Call;
import io.taskqueue.client.control.KeysetPages;
import io.taskqueue.client.control.Pages.AuditPage;
import io.taskqueue.client.control.Retries;
import io.taskqueue.client.control.Transport;
import io.taskqueue.client.entity.AuditEntry;
import io.taskqueue.client.entity.Caller;
import io.taskqueue.client.entity.Stats;
import io.taskqueue.client.entity.Workers;
import io.taskqueue.client.entity.WsTicket;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * taskqueue's REST API for any Java 17+ program:
 *
 * <pre>{@code
 * TaskQueueClient taskqueue =
 *     TaskQueueClient.builder(URI.create("http://localhost:8080"))
 *         .apiKey(System.getenv("TASKQUEUE_API_KEY"))
 *         .build();
 * Job job = taskqueue.jobs().submit(JobRequest.of("email.send", Map.of("to", "ada@example.com")));
 * }</pre>
 *
 * <p>Thread-safe; build one per server and share it. Calls block the calling thread. A call that
 * fails for a moment (no connection, 429, 503) is sent again with backoff, up to 5 times by
 * default; a refusal is a {@link TaskQueueException} whose subclass names the case.
 */
public final class TaskQueueClient {

  private final Transport transport;

  private TaskQueueClient(Transport transport) {
    this.transport = transport;
  }

  /** A client for the application at {@code base} (its root, such as http://host:8080/). */
  public static Builder builder(URI base) {
    return new Builder(base);
  }

  public Jobs jobs() {
    return new Jobs(transport);
  }

  public DeadLetters deadLetters() {
    return new DeadLetters(transport);
  }

  public Queues queues() {
    return new Queues(transport);
  }

  public Schedules schedules() {
    return new Schedules(transport);
  }

  public Workflows workflows() {
    return new Workflows(transport);
  }

  public Keys keys() {
    return new Keys(transport);
  }

  public Retentions retention() {
    return new Retentions(transport);
  }

  public EventFeed events() {
    return new EventFeed(transport);
  }

  /** Who the server takes this client for, and its roles. */
  public Caller me() {
    return transport.send(Call.get("getMe", "api/me"), Caller.class);
  }

  /** Jobs per status and what finished in the last minute and hour. */
  public Stats stats() {
    return transport.send(Call.get("getStats", "api/stats"), Stats.class);
  }

  /** The live nodes and their worker threads. */
  public Workers workers() {
    return transport.send(Call.get("listWorkers", "api/workers"), Workers.class);
  }

  /**
   * A one-time ticket for {@code /ws/events?ticket=…}, for a WebSocket client that cannot send
   * headers; {@link #events()} does not need one.
   */
  public WsTicket wsTicket() {
    return transport.send(Call.post("createWsTicket", "api/ws-ticket", null), WsTicket.class);
  }

  /** The audit log, newest first, by actor and action (null: any), a page at a time (admin). */
  public Stream<AuditEntry> audit(String actor, String action) {
    return KeysetPages.stream(
        cursor ->
            transport.send(
                Call.get("listAuditEntries", "api/audit")
                    .query("actor", actor)
                    .query("action", action)
                    .query("cursor", cursor),
                AuditPage.class),
        AuditPage::items,
        AuditPage::next);
  }

  /** How a client is made: where, with which credentials, how patiently. */
  public static final class Builder {
    private final URI base;
    private Supplier<String> authorization = () -> null;
    private HttpClient http;
    private Jsonb jsonb;
    private Retries retries = Retries.defaults();
    private Duration requestTimeout = Duration.ofSeconds(30);
    private CallObserver observer = (operation, status, took) -> {};

    private Builder(URI base) {
      this.base = Objects.requireNonNull(base, "base");
    }

    /** An API key ({@code tq_…}), sent as a bearer token. */
    public Builder apiKey(String key) {
      String header = "Bearer " + Objects.requireNonNull(key, "key");
      this.authorization = () -> header;
      return this;
    }

    /** A token asked for at every request, such as a JWT that a token source renews. */
    public Builder bearerToken(Supplier<String> token) {
      Objects.requireNonNull(token, "token");
      this.authorization = () -> "Bearer " + token.get();
      return this;
    }

    /** The HTTP client to send with (default: HTTP/1.1, 10 s to connect). */
    public Builder httpClient(HttpClient http) {
      this.http = http;
      return this;
    }

    /** The JSON-B to read and write with (default: {@code JsonbBuilder.create()}). */
    public Builder jsonb(Jsonb jsonb) {
      this.jsonb = jsonb;
      return this;
    }

    /**
     * How often a call is sent in all (default 5) and the first and longest wait between two
     * sendings (default 200 ms and 5 s); 1 sends once.
     */
    public Builder retries(int maxAttempts, Duration initialDelay, Duration maxDelay) {
      this.retries = new Retries(maxAttempts, initialDelay, maxDelay);
      return this;
    }

    /** The longest one request waits for its answer (default 30 s). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** Told of every exchange, retries included. */
    public Builder observer(CallObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    public TaskQueueClient build() {
      HttpClient client =
          http != null
              ? http
              : HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(Duration.ofSeconds(10))
                  .build();
      return new TaskQueueClient(
          new Transport(
              base,
              authorization,
              client,
              jsonb != null ? jsonb : JsonbBuilder.create(),
              retries,
              requestTimeout,
              observer));
    }
  }
}
