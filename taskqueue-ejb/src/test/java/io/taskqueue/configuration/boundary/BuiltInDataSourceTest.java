package io.taskqueue.configuration.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.sql.DataSourceDefinition;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in datasource sets nothing on the sessions of its connections: an application that
 * submits jobs with its own rows shares them, and would inherit every such setting.
 */
class BuiltInDataSourceTest {

  @Test
  void itsConnectionsCarryNoSessionSettings() {
    DataSourceDefinition definition = DatabaseSetup.class.getAnnotation(DataSourceDefinition.class);
    assertEquals(DatabaseSetup.DATASOURCE, definition.name());
    List<String> settings =
        Arrays.stream(definition.properties())
            .filter(
                p ->
                    p.startsWith("options=")
                        || p.contains("statement_timeout")
                        || p.contains("lock_timeout")
                        || p.contains("search_path")
                        || p.startsWith("fish.payara.init-sql")
                        || p.startsWith("fish.payara.statement-timeout"))
            .toList();
    assertTrue(settings.isEmpty(), "session settings on the built-in pool: " + settings);
  }
}
