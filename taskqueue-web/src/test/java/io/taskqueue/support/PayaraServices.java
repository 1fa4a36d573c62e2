package io.taskqueue.support;

import io.taskqueue.launcher.control.TestServices;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts PostgreSQL and Redis (or takes the external ones the environment names) and hands them to
 * the Payara Micro that Arquillian launches, through the system-properties file its options name.
 * Register it before the Arquillian extension: Payara starts when the first deployment is made.
 */
public final class PayaraServices implements BeforeAllCallback {

  /** The test servers' webhook signing key: a test fixture, not a secret. */
  public static final String WEBHOOK_SECRET = "webhook-tests-signing-key";

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Properties properties = new Properties();
    properties.putAll(TestServices.endpoints().asSystemProperties());
    // Short backoff so retry tests finish quickly; the default is 5 s.
    properties.put("taskqueue.retry.base-ms", "50");
    properties.put("taskqueue.promote-interval-ms", "100");
    properties.put("taskqueue.workers", "4");
    // A retention round every second, with the default ages: RetentionApiIT ages rows itself.
    properties.put("taskqueue.retention.interval-ms", "1000");
    // The suites submit thousands of jobs a second with one key; the limit has unit tests.
    properties.put("taskqueue.api.submit-rate", "0");
    // Small enough that a client that never reads overflows it (it is sent 24,000 events), large
    // enough that a reading client on this busy 2-core machine is never dropped by a burst of
    // 8,000 (at 4,000 it sometimes was).
    properties.put("taskqueue.ws.max-pending", "9000");
    properties.put("taskqueue.admin.key", Api.ADMIN_KEY);
    properties.put("taskqueue.handlers.diagnostic.enabled", "true");
    // The ready-made webhook handler, posting to receivers the tests run on loopback.
    properties.put("taskqueue.handlers.webhook.enabled", "true");
    properties.put("taskqueue.handlers.webhook.secret", WEBHOOK_SECRET);
    properties.put("taskqueue.handlers.webhook.allowed-hosts", "127.0.0.1:*");
    properties.put("taskqueue.handlers.internal-networks", "127.0.0.1");
    // Only operators may submit "echo" jobs, only admins "webhook" ones: the per-type
    // restrictions under test.
    properties.put("taskqueue.job-types.echo.roles", "operator");
    properties.put("taskqueue.job-types.webhook.roles", "admin");
    properties.putAll(TestTokens.serverSettings());
    Path file = Path.of(System.getProperty("taskqueue.it.properties"));
    try (Writer out = Files.newBufferedWriter(file)) {
      properties.store(out, "taskqueue integration-test services");
    }
  }
}
