package io.taskqueue.handlers.webhook.boundary;

import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.outbound.entity.AllowedHosts;
import io.taskqueue.handlers.webhook.control.WebhookCall;
import io.taskqueue.handlers.webhook.entity.WebhookSettings;
import io.taskqueue.handlers.webhook.entity.WebhookTarget;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code webhook} job type: POSTs a signed JSON body to a configured target or a URL on an
 * allowed host. Off unless {@code taskqueue.handlers.webhook.enabled} is true; it also stays off,
 * with a warning, when a host is allowed without a secret to sign calls to it (unsigned calls
 * cannot be told from forged ones), when neither a target nor a host is configured, or when a
 * target lacks its URL or secret.
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
  @ConfigProperty(name = "taskqueue.handlers.webhook.targets")
  Optional<String> targetNames;

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
                  targets(),
                  connectTimeoutMs,
                  requestTimeoutMs),
              Clock.systemUTC());
    } catch (IllegalArgumentException incomplete) {
      offBecause = incomplete.getMessage();
      LOG.warning("webhook handler stays off: " + offBecause);
    }
  }

  /**
   * The targets {@code taskqueue.handlers.webhook.targets} names, each read from {@code
   * taskqueue.handlers.webhook.target.<name>.url}, {@code .secret} and {@code .authorization}
   * (environment: {@code TASKQUEUE_HANDLERS_WEBHOOK_TARGET_<NAME>_SECRET}, and so on).
   */
  private Map<String, WebhookTarget> targets() {
    Map<String, WebhookTarget> targets = new LinkedHashMap<>();
    for (String entry : targetNames.orElse("").split(",")) {
      String name = entry.strip();
      if (name.isEmpty()) {
        continue;
      }
      String key = "taskqueue.handlers.webhook.target." + name;
      Config config = ConfigProvider.getConfig();
      targets.put(
          name,
          WebhookTarget.fromConfig(
              name,
              config.getOptionalValue(key + ".url", String.class),
              config.getOptionalValue(key + ".secret", String.class),
              config.getOptionalValue(key + ".authorization", String.class)));
    }
    return targets;
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
