package io.taskqueue.bench.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** The processes of this machine, as {@code /proc} shows them. */
public final class ProcessTable {

  private static final Path PROC = Path.of("/proc");

  /** One process at one instant. */
  public record Entry(long pid, long ppid, String comm, long cpuTicks) {}

  private ProcessTable() {}

  /** Every process still there while it was read; ones that exit meanwhile are skipped. */
  public static List<Entry> snapshot() {
    List<Entry> entries = new ArrayList<>();
    for (long pid : pids()) {
      read(pid).ifPresent(entries::add);
    }
    return entries;
  }

  public static Optional<Entry> read(long pid) {
    try {
      String stat = Files.readString(PROC.resolve(pid + "/stat"));
      return Optional.of(
          new Entry(pid, ProcStat.ppid(stat), ProcStat.comm(stat), ProcStat.cpuTicks(stat)));
    } catch (IOException | RuntimeException gone) {
      return Optional.empty();
    }
  }

  /** Resident set in kB, 0 when the process has gone. */
  public static long rssKb(long pid) {
    try {
      return ProcStat.rssKb(Files.readString(PROC.resolve(pid + "/status")));
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  /** The NUL-separated arguments joined by spaces; empty for kernel threads and gone processes. */
  public static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(PROC.resolve(pid + "/cmdline"))).replace('\0', ' ');
    } catch (IOException gone) {
      return "";
    }
  }

  /**
   * The Payara Micro process serving {@code port}: the only {@code payara-micro} process, or of
   * several the one whose command line names the port.
   */
  public static OptionalLong findPayaraMicro(int port) {
    List<Long> candidates =
        pids().stream().filter(pid -> commandLine(pid).contains("payara-micro")).toList();
    if (candidates.size() == 1) {
      return OptionalLong.of(candidates.get(0));
    }
    List<Long> onPort =
        candidates.stream()
            .filter(pid -> List.of(commandLine(pid).split(" ")).contains(String.valueOf(port)))
            .toList();
    return onPort.size() == 1 ? OptionalLong.of(onPort.get(0)) : OptionalLong.empty();
  }

  private static List<Long> pids() {
    try (Stream<Path> entries = Files.list(PROC)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(name -> name.chars().allMatch(Character::isDigit))
          .map(Long::parseLong)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list /proc", e);
    }
  }
}
