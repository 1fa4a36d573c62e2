package io.taskqueue.configuration.boundary;

import io.taskqueue.schema.control.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Defines the application's datasource from MicroProfile Config ({@code taskqueue.db.url}, {@code
 * .user}, {@code .password}) and migrates the schema before anything else starts.
 *
 * <p>The definition sits on this startup bean because it works there on both Payara Micro and
 * Payara Server (on the JAX-RS application class it does not, and a glassfish-resources.xml breaks
 * {@code /metrics}). {@code stringType=unspecified} lets PostgreSQL read JSON text into jsonb.
 */
@Singleton
@Startup
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
      // Every wait is bounded: a statement (30 s), a row lock (5 s; recovery skips locked rows
      // instead), a dead or black-holed connection (60 s without an answer, 5 s to connect).
      "options=-c statement_timeout=30000 -c lock_timeout=5000",
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

  public static final String DATASOURCE = "java:app/jdbc/taskqueue";
  private static final Logger LOG = Logger.getLogger(DatabaseSetup.class.getName());

  @Resource(lookup = DATASOURCE)
  DataSource dataSource;

  private volatile boolean migrated;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void migrate() {
    int applied = SchemaMigrations.migrate(dataSource);
    migrated = true;
    LOG.info(() -> "Schema up to date (" + applied + " migration(s) applied)");
  }

  /** Whether this node brought the schema up to date at startup. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean isMigrated() {
    return migrated;
  }
}
