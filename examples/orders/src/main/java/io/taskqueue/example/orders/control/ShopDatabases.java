package io.taskqueue.example.orders.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * The shop's two databases, migrated with Flyway at startup, each with a history table of its own.
 *
 * <p>The orders live in taskqueue's database, through taskqueue's datasource (the pool {@code
 * taskqueue.datasource} names, by default taskqueue's own {@code java:app/jdbc/taskqueue}), so that
 * an order and its job commit as one local transaction. The loyalty system's database is another
 * one: its datasource is XA ({@code PGXADataSource}), so that the order's transaction spans both,
 * this one by two-phase commit and taskqueue's as the last resource. PostgreSQL needs {@code
 * max_prepared_transactions} above 0 for that.
 */
@Singleton
@Startup
@DataSourceDefinition(
    name = ShopDatabases.LOYALTY,
    className = "org.postgresql.xa.PGXADataSource",
    url = "${MPCONFIG=example.loyalty.db.url}",
    user = "${MPCONFIG=example.loyalty.db.user}",
    password = "${MPCONFIG=example.loyalty.db.password}",
    minPoolSize = 1,
    maxPoolSize = 8)
public class ShopDatabases {

  static final String LOYALTY = "java:app/jdbc/loyalty";

  /** The pool the orders share with taskqueue: the operators' one, or taskqueue's own. */
  @Inject
  @ConfigProperty(name = "taskqueue.datasource", defaultValue = "java:app/jdbc/taskqueue")
  String ordersPool;

  @Resource(lookup = LOYALTY)
  DataSource loyalty;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void migrate() {
    DataSource orders;
    try {
      orders = (DataSource) new InitialContext().lookup(ordersPool);
    } catch (NamingException e) {
      throw new IllegalStateException("no datasource " + ordersPool, e);
    }
    migrate(orders, "db/shop", "shop_schema_history");
    migrate(loyalty, "db/loyalty", "loyalty_schema_history");
  }

  private void migrate(DataSource dataSource, String location, String historyTable) {
    Flyway.configure(ShopDatabases.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:" + location)
        .table(historyTable)
        // taskqueue's tables (or the shop's) may be there already: start below V1.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
