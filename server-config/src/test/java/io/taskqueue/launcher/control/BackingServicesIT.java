package io.taskqueue.launcher.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackingServicesIT {

  @TempDir Path dataDirectory;

  @Test
  void embeddedPostgresKeepsItsDataAcrossARestart() throws Exception {
    int port = FreePort.find();
    try (BackingServices services =
        BackingServices.start(Map.of(), dataDirectory, port, FreePort.find(), true)) {
      try (Connection c = connect(services.endpoints())) {
        c.createStatement().execute("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
      }
    }
    try (BackingServices services =
            BackingServices.start(Map.of(), dataDirectory, port, FreePort.find(), true);
        Connection c = connect(services.endpoints());
        ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
      assertTrue(rs.next());
      assertEquals(42, rs.getInt(1));
    }
  }

  @Test
  void embeddedRedisAnswersOnLoopback() throws Exception {
    int port = FreePort.find();
    try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(dataDirectory, port, false);
        Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] reply = socket.getInputStream().readNBytes(7);
      assertEquals("+PONG\r\n", new String(reply, StandardCharsets.US_ASCII));
      assertEquals("redis://127.0.0.1:" + port, redis.url());
    }
  }

  @Test
  void externalServicesNamedByTheEnvironmentAreUsedAndNotStarted() {
    Map<String, String> env =
        Map.of(
            "TASKQUEUE_DB_URL", "jdbc:postgresql://127.0.0.1:1/x",
            "TASKQUEUE_DB_USER", "u",
            "TASKQUEUE_DB_PASSWORD", "p",
            "TASKQUEUE_REDIS_URL", "redis://127.0.0.1:2");
    try (BackingServices services = BackingServices.start(env, dataDirectory, 0, 0, false)) {
      assertEquals(
          new ServiceEndpoints("jdbc:postgresql://127.0.0.1:1/x", "u", "p", "redis://127.0.0.1:2"),
          services.endpoints());
      assertTrue(!services.startedAny());
    }
  }

  private static Connection connect(ServiceEndpoints endpoints) throws Exception {
    return DriverManager.getConnection(
        endpoints.dbUrl(), endpoints.dbUser(), endpoints.dbPassword());
  }
}
