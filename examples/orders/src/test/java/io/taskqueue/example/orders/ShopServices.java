package io.taskqueue.example.orders;

import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import io.taskqueue.support.Api;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shop's services: taskqueue's PostgreSQL and Redis (embedded, or the environment's), plus a
 * second database on the same server for the loyalty system, and the settings for both. Written to
 * the system-properties file Payara Micro reads; register it before Arquillian's extension.
 */
public final class ShopServices implements BeforeAllCallback {

  static final String SHOP_USER = "shop-tests";
  static final String SHOP_PASSWORD = "shop-tests-password";

  /** The pool the operators define in the server for the shop and taskqueue. */
  static final String OPERATORS_POOL = "jdbc/shop";

  /** taskqueue's schema in the WAR's run on the operators' pool. */
  static final String WAR_SCHEMA = "taskqueue";

  /**
   * Whether this run puts the shop and taskqueue on taskqueue's built-in pool, in the default
   * schema (the second run of the WAR's test, see the pom), rather than on the operators' pool.
   */
  static boolean onBuiltInPool() {
    return Boolean.getBoolean("taskqueue.it.shop-on-built-in-pool");
  }

  /**
   * The WAR's test runs the shop as an operations team would: the shop and taskqueue on a pool of
   * the server's own (made by the asadmin commands this writes, which arquillian.xml hands to
   * Payara Micro with the PostgreSQL driver), and taskqueue's tables in a schema of their own.
   */
  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Files.writeString(
        Path.of(System.getProperty("taskqueue.it.pool-commands")),
        operatorsPoolCommands().stream()
            .map(command -> String.join(" ", command) + "\n")
            .collect(Collectors.joining()));
    Properties properties = new Properties();
    properties.putAll(onBuiltInPool() ? settings() : onOperatorsPool(WAR_SCHEMA));
    // Each run has taskqueue in another schema of the same database: its own Redis keys.
    properties.put("taskqueue.redis.prefix", onBuiltInPool() ? "shop-war-built-in" : "shop-war");
    Path file = Path.of(System.getProperty("taskqueue.it.properties"));
    try (Writer out = Files.newBufferedWriter(file)) {
      properties.store(out, "taskqueue example services");
    }
  }

  /**
   * The asadmin commands that define {@link #OPERATORS_POOL} on taskqueue's database, each as its
   * words: a pool of plain connections, sized by the operators, as a team would define it.
   */
  static List<List<String>> operatorsPoolCommands() {
    ServiceEndpoints services = TestServices.endpoints();
    URI database = URI.create(services.dbUrl().substring("jdbc:".length()));
    return List.of(
        List.of(
            "create-jdbc-connection-pool",
            "--datasourceclassname=org.postgresql.ds.PGSimpleDataSource",
            "--restype=javax.sql.DataSource",
            "--steadypoolsize=2",
            "--maxpoolsize=16",
            "--property=serverName="
                + database.getHost()
                + ":portNumber="
                + database.getPort()
                + ":databaseName="
                + database.getPath().substring(1)
                + ":user="
                + services.dbUser()
                + ":password="
                + services.dbPassword()
                // For the shop's entity, not for taskqueue: EclipseLink binds a null UUID (an
                // order's job before it is submitted) as text, which a uuid column takes only so.
                + ":stringType=unspecified",
            "shop-pool"),
        List.of("create-jdbc-resource", "--connectionpoolid=shop-pool", OPERATORS_POOL));
  }

  /**
   * {@link #settings()} for the shop and taskqueue on {@link #OPERATORS_POOL}, taskqueue's tables
   * in {@code schema}. taskqueue's own pool points at a port where nothing listens: whatever works,
   * worked through the operators' pool.
   */
  static Map<String, String> onOperatorsPool(String schema) {
    Map<String, String> settings = new TreeMap<>(settings());
    settings.put("taskqueue.datasource", OPERATORS_POOL);
    settings.put("taskqueue.db.schema", schema);
    settings.put("taskqueue.db.url", "jdbc:postgresql://127.0.0.1:" + FreePort.find() + "/nowhere");
    return settings;
  }

  /** Everything the shop's deployment needs, as system properties. */
  public static Map<String, String> settings() {
    ServiceEndpoints services = TestServices.endpoints();
    Map<String, String> settings = new TreeMap<>(services.asSystemProperties());
    settings.put("example.loyalty.db.url", loyaltyDatabase(services));
    settings.put("example.loyalty.db.user", services.dbUser());
    settings.put("example.loyalty.db.password", services.dbPassword());
    settings.put("example.shop.user", SHOP_USER);
    settings.put("example.shop.password", SHOP_PASSWORD);
    settings.put("taskqueue.admin.key", Api.ADMIN_KEY);
    // Short backoff so that the failing confirmation is dead within seconds; the default is 5 s.
    settings.put("taskqueue.retry.base-ms", "50");
    settings.put("taskqueue.promote-interval-ms", "100");
    return settings;
  }

  /** A database {@code loyalty} beside taskqueue's, created once. */
  static String loyaltyDatabase(ServiceEndpoints services) {
    String url = services.dbUrl().replaceFirst("/[^/?]+(\\?|$)", "/loyalty$1");
    try (Connection db =
        DriverManager.getConnection(services.dbUrl(), services.dbUser(), services.dbPassword())) {
      boolean exists =
          db.createStatement()
              .executeQuery("SELECT 1 FROM pg_database WHERE datname = 'loyalty'")
              .next();
      if (!exists) {
        db.createStatement().execute("CREATE DATABASE loyalty");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the loyalty database", e);
    }
    return url;
  }
}
