package io.taskqueue.schema.control;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * Makes the persistence unit's session taskqueue's: its statements are bounded as taskqueue's JDBC
 * statements are ({@link BoundedStatements}), its tables are qualified by {@code
 * taskqueue.db.schema} ({@link Tables}), and it deploys while PostgreSQL is away ({@link
 * ConnectionsOnDemand}).
 */
public class TaskqueueSession implements SessionCustomizer {

  @Override
  public void customize(Session session) throws Exception {
    if (session.getDatasourceLogin() instanceof DatasourceLogin login
        && login.getConnector() instanceof JNDIConnector connector
        && connector.getDataSource() != null) {
      int timeout =
          ConfigProvider.getConfig()
              .getOptionalValue(BoundedStatements.TIMEOUT_KEY, Integer.class)
              .orElse(BoundedStatements.DEFAULT_TIMEOUT_SECONDS);
      connector.setDataSource(BoundedStatements.of(connector.getDataSource(), timeout));
    }
    // JPA's statements find the tables in taskqueue's schema as the JDBC ones do (Tables).
    Tables.SCHEMA.ifPresent(schema -> session.getLogin().setTableQualifier(schema));
    new ConnectionsOnDemand().customize(session);
  }
}
