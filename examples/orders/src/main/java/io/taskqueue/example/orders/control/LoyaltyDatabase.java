package io.taskqueue.example.orders.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * The loyalty system's database: another database than taskqueue's, so it is an XA datasource
 * ({@code PGXADataSource}). The order's transaction then spans both: this one through two-phase
 * commit, and taskqueue's (not XA) as the transaction manager's last resource.
 */
@Singleton
@Startup
@DataSourceDefinition(
    name = "java:app/jdbc/loyalty",
    className = "org.postgresql.xa.PGXADataSource",
    url = "${MPCONFIG=example.loyalty.db.url}",
    user = "${MPCONFIG=example.loyalty.db.user}",
    password = "${MPCONFIG=example.loyalty.db.password}",
    minPoolSize = 1,
    maxPoolSize = 8)
public class LoyaltyDatabase {}
