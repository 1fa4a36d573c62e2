package io.taskqueue.handlers.email.boundary;

import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.email.control.EmailSender;
import io.taskqueue.handlers.email.entity.EmailSettings;
import io.taskqueue.handlers.email.entity.RecipientDomains;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code email} job type: renders a templated message and sends it over SMTP. Off unless {@code
 * taskqueue.handlers.email.enabled} is true; it also stays off, with a warning, when no server or
 * sender is configured.
 */
@ApplicationScoped
public class EmailHandler implements JobHandler {

  private static final Logger LOG = Logger.getLogger(EmailHandler.class.getName());

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.email.enabled", defaultValue = "false")
  boolean switchedOn;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.email.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.email.port", defaultValue = "587")
  int port;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.email.starttls", defaultValue = "true")
  boolean starttls;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.email.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.email.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.email.from")
  Optional<String> from;

  @Inject
  @ConfigProperty(name = RecipientDomains.PROPERTY)
  Optional<String> recipientDomains;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.email.connect-timeout-ms", defaultValue = "5000")
  long connectTimeoutMs;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.email.timeout-ms", defaultValue = "30000")
  long timeoutMs;

  private EmailSender sender;
  private String offBecause = "taskqueue.handlers.email.enabled is not true";

  @PostConstruct
  void configure() {
    if (!switchedOn) {
      return;
    }
    try {
      sender =
          new EmailSender(
              new EmailSettings(
                  host.orElse(""),
                  port,
                  starttls,
                  username,
                  password,
                  from.orElse(""),
                  RecipientDomains.parse(recipientDomains.orElse("")),
                  Duration.ofMillis(connectTimeoutMs),
                  Duration.ofMillis(timeoutMs)));
    } catch (IllegalArgumentException incomplete) {
      offBecause = incomplete.getMessage();
      LOG.warning("email handler stays off: " + offBecause);
    }
  }

  @Override
  public String type() {
    return "email";
  }

  @Override
  public boolean enabled() {
    return sender != null;
  }

  @Override
  public Object handle(JobContext job) throws Exception {
    if (sender == null) {
      throw new NonRetryableException("the email handler is off: " + offBecause);
    }
    return sender.send(job.jobId(), job.payload());
  }
}
