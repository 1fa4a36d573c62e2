package io.taskqueue.launcher.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sockets a process serves on, read from Linux's {@code /proc} as {@code ss -ltnup} shows them:
 * TCP sockets in LISTEN and UDP sockets bound but not connected (a multicast member, a discovery
 * port). Used to prove that a server listens on loopback only.
 */
public final class ListeningSockets {

  /** A socket a process listens on. */
  public record Socket(String protocol, InetAddress address, int port) {

    public boolean isLoopback() {
      return address.isLoopbackAddress();
    }

    @Override
    public String toString() {
      return protocol + " " + address.getHostAddress() + ":" + port;
    }
  }

  private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
  private static final String TCP_LISTEN = "0A";
  private static final String UDP_UNCONNECTED = "07";

  private ListeningSockets() {}

  /** Every socket process {@code pid} listens on; it must run as this user (or this is root). */
  public static List<Socket> of(long pid) throws IOException {
    Set<String> inodes = socketInodes(pid);
    List<Socket> sockets = new ArrayList<>();
    for (String protocol : List.of("tcp", "tcp6", "udp", "udp6")) {
      Path table = Path.of("/proc/net", protocol);
      if (Files.isReadable(table)) {
        sockets.addAll(parse(protocol, Files.readAllLines(table), inodes));
      }
    }
    return sockets;
  }

  /** The sockets among {@code inodes} that listen, from the lines of a {@code /proc/net} table. */
  static List<Socket> parse(String protocol, List<String> table, Set<String> inodes) {
    String listening = protocol.startsWith("tcp") ? TCP_LISTEN : UDP_UNCONNECTED;
    List<Socket> sockets = new ArrayList<>();
    for (String line : table.subList(Math.min(1, table.size()), table.size())) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
      String[] fields = line.trim().split("\\s+");
      if (fields.length > 9 && fields[3].equals(listening) && inodes.contains(fields[9])) {
        String[] local = fields[1].split(":");
        sockets.add(
            new Socket(
                protocol.replace("6", ""), address(local[0]), Integer.parseInt(local[1], 16)));
      }
    }
    return sockets;
  }

  /** The kernel prints an address as 32-bit words, each in the host's (little-endian) order. */
  static InetAddress address(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int at = (word * 4 + 3 - i) * 2;
        bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address: " + hex, e);
    }
  }

  private static Set<String> socketInodes(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (DirectoryStream<Path> descriptors =
        Files.newDirectoryStream(Path.of("/proc/" + pid, "fd"))) {
      for (Path descriptor : descriptors) {
        try {
          Matcher socket = SOCKET_LINK.matcher(Files.readSymbolicLink(descriptor).toString());
          if (socket.matches()) {
            inodes.add(socket.group(1));
          }
        } catch (IOException closedMeanwhile) {
          // the descriptor was closed while we listed them
        }
      }
    }
    return inodes;
  }
}
