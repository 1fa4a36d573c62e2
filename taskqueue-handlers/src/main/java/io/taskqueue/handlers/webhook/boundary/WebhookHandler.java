package io.taskqueue.handlers.webhook.boundary;

import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.outbound.entity.AllowedHosts;
import io.taskqueue.handlers.webhook.control.WebhookCall;
import io.taskqueue.handlers.webhook.entity.WebhookSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code webhook} job type: POSTs a signed JSON body to a URL on an allowed host. Off unless
 * {@code taskqueue.handlers.webhook.enabled} is true; it also stays off, with a warning, when no
 * secret is set (unsigned calls cannot be told from forged ones) or no host is allowed.
 */
@ApplicationScoped
public class WebhookHandler implements JobHandler {

  private static final Logger LOG = Logger.getLogger(WebhookHandler.class.getName());

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.webhook.enabled", defaultValue = "false")
  boolean switchedOn;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.webhook.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.webhook.allowed-hosts")
  Optional<String> allowedHosts;

  @Inject
  @ConfigProperty(name = AllowedHosts.INTERNAL_NETWORKS_PROPERTY)
  Optional<String> internalNetworks;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.webhook.secret")
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.webhook.connect-timeout-ms", defaultValue = "5000")
  long connectTimeoutMs;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.webhook.request-timeout-ms", defaultValue = "30000")
  long requestTimeoutMs;

  private WebhookCall call;
  private String offBecause = "taskqueue.handlers.webhook.enabled is not true";

  @PostConstruct
  void configure() {
    if (!switchedOn) {
      return;
    }
    try {
      call =
          new WebhookCall(
              WebhookSettings.fromConfig(
                  url,
                  allowedHosts,
                  internalNetworks.orElse(""),
                  secret,
                  connectTimeoutMs,
                  requestTimeoutMs),
              Clock.systemUTC());
    } catch (IllegalArgumentException incomplete) {
      offBecause = incomplete.getMessage();
      LOG.warning("webhook handler stays off: " + offBecause);
    }
  }

  @PreDestroy
  void closeConnections() {
    if (call != null) {
      call.close();
    }
  }

  @Override
  public String type() {
    return "webhook";
  }

  @Override
  public boolean enabled() {
    return call != null;
  }

  @Override
  public Object handle(JobContext job) throws Exception {
    if (call == null) {
      throw new NonRetryableException("the webhook handler is off: " + offBecause);
    }
    return call.post(job.jobId(), job.payload());
  }
}
