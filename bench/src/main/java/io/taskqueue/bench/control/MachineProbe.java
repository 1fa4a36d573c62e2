package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Describes this machine from {@code /proc} and the JVM's properties. */
public final class MachineProbe {

  private MachineProbe() {}

  public static Machine describe() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(), // what nproc prints: honours affinity masks
        cpuModel(lines("/proc/cpuinfo")),
        memoryMb(lines("/proc/meminfo")),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"));
  }

  /** The {@code model name} of the first CPU. */
  static String cpuModel(List<String> cpuinfo) {
    return cpuinfo.stream()
        .filter(line -> line.startsWith("model name"))
        .map(line -> line.substring(line.indexOf(':') + 1).strip())
        .findFirst()
        .orElse("unknown");
  }

  /** {@code MemTotal}, from kB. */
  static long memoryMb(List<String> meminfo) {
    return meminfo.stream()
        .filter(line -> line.startsWith("MemTotal:"))
        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
        .findFirst()
        .orElse(0);
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException e) {
      return List.of();
    }
  }
}
