package io.taskqueue.configuration.boundary;

import io.taskqueue.configuration.control.DatabaseConnections;
import io.taskqueue.configuration.control.RetriedStep;
import io.taskqueue.configuration.control.TaskqueueDatabase;
import io.taskqueue.schema.control.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Defines the built-in datasource from MicroProfile Config ({@code taskqueue.db.url}, {@code
 * .user}, {@code .password}; used unless {@code taskqueue.datasource} names a pool of the server,
 * see {@link DatabaseConnections}) and migrates the schema before anything else starts.
 *
 * <p>The migration runs on a thread of its own, retried with backoff until PostgreSQL answers
 * ({@link RetriedStep}): a node that boots while the database is down or restarting deploys at
 * once, reports not-started with the reason, and starts its workers and duties when the schema is
 * up to date. Failing the deployment instead would leave Payara running with nothing deployed, for
 * good.
 *
 * <p>The definition sits on this startup bean because it works there on both Payara Micro and
 * Payara Server (on the JAX-RS application class it does not, and a glassfish-resources.xml breaks
 * {@code /metrics}). {@code stringType=unspecified} lets PostgreSQL read JSON text into jsonb.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@DataSourceDefinition(
    name = DatabaseSetup.DATASOURCE,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=taskqueue.db.url}",
    user = "${MPCONFIG=taskqueue.db.user}",
    password = "${MPCONFIG=taskqueue.db.password}",
    minPoolSize = 2,
    maxPoolSize = 64,
    properties = {
      "stringType=unspecified",
      "reWriteBatchedInserts=true",
      // Every wait is bounded: a dead or black-holed connection (60 s without an answer, 5 s to
      // connect) here; each statement of taskqueue's by its own query timeout (BoundedStatements),
      // not by a session setting that would bound the host application's statements too.
      "socketTimeout=60",
      "connectTimeout=5",
      "tcpKeepAlive=true",
      // After a PostgreSQL restart, pooled connections are dead: test them (at most every 5 s)
      // and drop them all at the first failure, so the pool heals without a redeploy.
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      "fish.payara.validate-atmost-once-period-in-seconds=5",
      "fish.payara.fail-all-connections=true"
    })
public class DatabaseSetup {

  public static final String DATASOURCE = DatabaseConnections.BUILT_IN;
  private static final Logger LOG = Logger.getLogger(DatabaseSetup.class.getName());

  @Inject @TaskqueueDatabase DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  /**
   * False: this node does not migrate; it waits (not ready, saying why) until the operators have
   * applied the migrations, then starts.
   */
  @Inject
  @ConfigProperty(name = "taskqueue.db.migrate", defaultValue = "true")
  boolean migrate;

  private final CountDownLatch migrated = new CountDownLatch(1);
  private final RetriedStep migration =
      new RetriedStep("Schema migration", length -> Thread.sleep(length.toMillis()));
  private volatile boolean stopping;
  private Thread migrating;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void startMigrating() {
    migrating = threads.newThread(this::migrate);
    migrating.setName("taskqueue-schema-migration");
    migrating.start();
  }

  private void migrate() {
    if (migration.runUntilDone(this::migrateOnce, () -> !stopping)) {
      migrated.countDown();
    }
  }

  private void migrateOnce() {
    if (!migrate) {
      SchemaMigrations.requireCurrent(dataSource);
      LOG.info("Schema up to date (applied by the operators: taskqueue.db.migrate=false)");
      return;
    }
    int applied = SchemaMigrations.migrate(dataSource);
    LOG.info(() -> "Schema up to date (" + applied + " migration(s) applied)");
  }

  /** "UP" when a connection of taskqueue's datasource answers; "DOWN: " and why otherwise. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public String postgresState() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2) ? "UP" : "DOWN: connection not valid";
    } catch (SQLException | RuntimeException e) {
      return "DOWN: " + e.getClass().getSimpleName();
    }
  }

  /** Whether this node brought the schema up to date at startup. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean isMigrated() {
    return migrated.getCount() == 0;
  }

  /**
   * Waits up to {@code millis} for the schema to be up to date; whether it is. Interrupted, it
   * returns false with the interrupt kept.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean awaitMigrated(long millis) {
    try {
      return migrated.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Why the schema is not up to date yet ("PSQLException: Connection … refused"); null once it is.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public String waitingFor() {
    return isMigrated() ? null : migration.problem();
  }

  @PreDestroy
  void stop() {
    stopping = true;
    if (migrating != null) {
      migrating.interrupt();
    }
  }
}
