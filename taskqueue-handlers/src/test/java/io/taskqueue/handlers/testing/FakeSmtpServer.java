package io.taskqueue.handlers.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server on 127.0.0.1 that answers every RCPT TO with a reply the test chooses (a
 * 550 or a 451, which GreenMail cannot be told to give), offers neither STARTTLS nor AUTH, and
 * records the commands it got.
 */
public final class FakeSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final String rcptReply;
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  public FakeSmtpServer(String rcptReply) throws IOException {
    this.rcptReply = rcptReply;
    this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::serve, "fake-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** The commands received, verbs in upper case, e.g. {@code "RCPT TO:<a@b>"}. */
  public List<String> commands() {
    return List.copyOf(commands);
  }

  public boolean received(String verb) {
    return commands.stream().anyMatch(command -> command.toUpperCase(Locale.ROOT).startsWith(verb));
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        client.setSoTimeout(5_000);
        converse(client);
      } catch (IOException closedOrGone) {
        // the next client, or the end
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
    reply(out, "220 fake.test ESMTP");
    String line;
    while ((line = in.readLine()) != null) {
      commands.add(line);
      String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
      switch (verb) {
        case "EHLO" -> reply(out, "250-fake.test\r\n250 8BITMIME");
        case "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
        case "RCPT" -> reply(out, rcptReply);
        case "DATA" -> {
          reply(out, "354 go on");
          while ((line = in.readLine()) != null && !line.equals(".")) {
            // the message is not kept
          }
          reply(out, "250 queued");
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "502 not implemented");
      }
    }
  }

  private static void reply(Writer out, String reply) throws IOException {
    out.write(reply + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
