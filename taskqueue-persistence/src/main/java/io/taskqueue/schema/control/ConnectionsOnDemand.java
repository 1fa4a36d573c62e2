package io.taskqueue.schema.control;

import java.util.logging.Logger;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.server.ExternalConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Lets the persistence unit deploy while PostgreSQL is away. EclipseLink's pools over the
 * container's datasource open one connection when the unit deploys, only to test it ("this
 * validates that connect will work"), and Payara fails the whole deployment when that test fails: a
 * node that boots during a database restart would then stay down for good. Here the test may fail;
 * each use takes its connection from the container's pool anyway, and fails (as a temporary outage)
 * only while the database is really away.
 */
public class ConnectionsOnDemand implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    if (session instanceof ServerSession server
        && server.getDatasourceLogin().shouldUseExternalConnectionPooling()) {
      Login login = server.getDatasourceLogin();
      server.setReadConnectionPool(new UntestedPool("read", login, server));
      server.addConnectionPool(new UntestedPool(ServerSession.DEFAULT_POOL, login, server));
    }
  }

  /** An external pool whose start does not need the database to answer. */
  static final class UntestedPool extends ExternalConnectionPool {

    private static final Logger LOG = Logger.getLogger(ConnectionsOnDemand.class.getName());

    UntestedPool(String name, Login login, ServerSession owner) {
      super(name, login, owner);
    }

    /**
     * Builds the accessor the pool clones for each use, as the standard start does; a failed test
     * connection leaves it unconnected (its login and platform set), to connect on first use.
     */
    @Override
    public synchronized void startUp() {
      Accessor template = getLogin().buildAccessor();
      template.setPool(this);
      try {
        template.connect(getLogin(), getOwner());
      } catch (DatabaseException unreachable) {
        LOG.warning(
            () ->
                "The database did not answer while the persistence unit deployed; it connects"
                    + " on first use: "
                    + unreachable.getInternalException());
      }
      setCachedConnection(template);
      setIsConnected(true);
    }
  }
}
