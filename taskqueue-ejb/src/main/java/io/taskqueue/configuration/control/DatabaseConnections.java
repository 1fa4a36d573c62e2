package io.taskqueue.configuration.control;

import io.taskqueue.schema.control.BoundedStatements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The datasource taskqueue's JDBC code uses: the pool {@code taskqueue.datasource} names (an
 * application server pool the operations team manages), by default the built-in one ({@code
 * DatabaseSetup} defines it); every statement bounded to {@code
 * taskqueue.db.statement-timeout-seconds} ({@link BoundedStatements}). The persistence unit reads
 * the same key for its {@code jta-data-source}.
 */
@ApplicationScoped
public class DatabaseConnections {

  /** The JNDI name of the built-in datasource. */
  public static final String BUILT_IN = "java:app/jdbc/taskqueue";

  @Inject
  @ConfigProperty(name = "taskqueue.datasource", defaultValue = BUILT_IN)
  String name;

  @Inject
  @ConfigProperty(
      name = BoundedStatements.TIMEOUT_KEY,
      defaultValue = "" + BoundedStatements.DEFAULT_TIMEOUT_SECONDS)
  int timeoutSeconds;

  private volatile DataSource dataSource;

  @Produces
  @TaskqueueDatabase
  DataSource dataSource() {
    DataSource found = dataSource;
    if (found == null) {
      try {
        found =
            BoundedStatements.of((DataSource) new InitialContext().lookup(name), timeoutSeconds);
      } catch (NamingException e) {
        throw new IllegalStateException(
            "taskqueue.datasource names " + name + ", which is no datasource of this server", e);
      } catch (ClassCastException e) {
        throw new IllegalStateException(
            "taskqueue.datasource names " + name + ", which is no javax.sql.DataSource", e);
      }
      dataSource = found;
    }
    return found;
  }
}
