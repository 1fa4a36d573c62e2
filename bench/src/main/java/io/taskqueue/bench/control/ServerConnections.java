package io.taskqueue.bench.control;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the PostgreSQL and Redis servers a process is connected to, through {@code /proc}: the
 * ports of its established TCP connections, and which process listens on one of them. Counting
 * every {@code postgres} of the machine would also count other people's test databases.
 *
 * <p>{@code /proc/net/tcp} lines read {@code sl local rem st ... inode}, addresses as {@code
 * HEXIP:HEXPORT}, state {@code 01} established and {@code 0A} listening; a process's sockets are
 * the {@code socket:[inode]} links in {@code /proc/<pid>/fd}.
 */
public final class ServerConnections {

  private static final String ESTABLISHED = "01";
  private static final String LISTEN = "0A";

  private ServerConnections() {}

  /** The process with command name starting {@code comm} that listens where {@code pid} talks. */
  public static Optional<Long> peer(long pid, String comm) {
    List<String> sockets = tcpSockets(pid);
    Set<String> own = socketInodes(pid);
    Set<Integer> remotePorts = new HashSet<>();
    for (String line : sockets) {
      String[] f = line.trim().split("\\s+");
      if (f[3].equals(ESTABLISHED) && own.contains(f[9])) {
        remotePorts.add(port(f[2]));
      }
    }
    for (ProcessTable.Entry process : ProcessTable.snapshot()) {
      if (process.comm().startsWith(comm)) {
        Set<String> theirs = socketInodes(process.pid());
        for (String line : sockets) {
          String[] f = line.trim().split("\\s+");
          if (f[3].equals(LISTEN) && theirs.contains(f[9]) && remotePorts.contains(port(f[1]))) {
            return Optional.of(process.pid());
          }
        }
      }
    }
    return Optional.empty();
  }

  static int port(String address) {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
  }

  private static List<String> tcpSockets(long pid) {
    List<String> lines = new ArrayList<>();
    for (String table : List.of("tcp", "tcp6")) {
      try {
        List<String> all = Files.readAllLines(Path.of("/proc", pid + "/net/" + table));
        lines.addAll(all.subList(1, all.size())); // after the header
      } catch (IOException | RuntimeException absent) {
        // no IPv6, or the process has gone
      }
    }
    return lines;
  }

  private static Set<String> socketInodes(long pid) {
    Set<String> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", pid + "/fd"))) {
      for (Path fd : fds) {
        String target = readLink(fd);
        if (target.startsWith("socket:[")) {
          inodes.add(target.substring(8, target.length() - 1));
        }
      }
    } catch (IOException | RuntimeException notOurs) {
      // another user's process: nothing to match
    }
    return inodes;
  }

  private static String readLink(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException closed) {
      return "";
    }
  }
}
