package io.taskqueue.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client that opens the connection and then never reads: the slow consumer the server
 * must drop. Its receive buffer is kept small so that it stalls after a few kilobytes, as a client
 * on a bad link would.
 */
public final class StalledEventClient implements AutoCloseable {

  private final Socket socket = new Socket();

  public StalledEventClient(URL deployment) throws IOException {
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", deployment.getPort()), 5_000);
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String path =
        (deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/")
            + "ws/events";
    String handshake =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + deployment.getPort()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(nonce)
            + "\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer "
            + Api.ADMIN_KEY
            + "\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(handshake.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String status = readLine(socket.getInputStream());
    if (!status.contains(" 101 ")) {
      throw new IOException("handshake refused: " + status);
    }
    // From here on nothing is read: the response's remaining headers stay in the buffer too.
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
      line.append((char) c);
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
