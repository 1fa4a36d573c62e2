package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.ResourceReport;
import io.taskqueue.bench.entity.ResourceUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Samples, every 100 ms, the CPU time and resident memory of four groups: the taskqueue server
 * (Payara Micro), every {@code postgres} process, every Redis server, and this JVM.
 *
 * <p>Redis is matched by the prefix {@code redis-server} because the kernel truncates command names
 * to 15 characters and the embedded Redis binary is called {@code
 * redis-server-6.2.6-v5-linux-amd64}. All PostgreSQL and Redis servers of the machine are counted:
 * run the bench where the taskqueue stack is the only one.
 */
public final class ResourceSampler {

  private static final long PERIOD_MILLIS = 100;

  /**
   * Samples between two scans of all of {@code /proc} for new group members (a new PostgreSQL
   * backend, say). Scanning every process every 100 ms cost the bench 7% of a core by itself.
   */
  private static final int RESCAN_EVERY = 10;

  private final long serverPid;
  private final Predicate<ProcessTable.Entry> postgres;
  private final Predicate<ProcessTable.Entry> redis;
  private final String description;
  private final double ticksPerSecond = clockTicksPerSecond();

  /**
   * Samples {@code serverPid}, and the PostgreSQL and Redis it is connected to with their child
   * processes; when those cannot be told (another user's processes), every process of their name.
   */
  public ResourceSampler(long serverPid) {
    this.serverPid = serverPid;
    Optional<Long> postmaster = ServerConnections.peer(serverPid, "postgres");
    Optional<Long> redisServer = ServerConnections.peer(serverPid, "redis-server");
    this.postgres = postmaster.map(ResourceSampler::tree).orElse(p -> p.comm().equals("postgres"));
    this.redis = redisServer.map(ResourceSampler::tree).orElse(p -> p.comm().startsWith("redis"));
    this.description =
        "server pid "
            + serverPid
            + postmaster
                .map(pid -> ", postgres pid " + pid + " and its children")
                .orElse(", every postgres process (the server's could not be told)")
            + redisServer
                .map(pid -> ", redis pid " + pid)
                .orElse(", every redis-server process (the server's could not be told)");
  }

  /** Which processes are sampled, for the log and the results. */
  public String description() {
    return description;
  }

  private static Predicate<ProcessTable.Entry> tree(long root) {
    return p -> p.pid() == root || p.ppid() == root;
  }

  /** A window that is being sampled until {@link #stop()}. */
  public final class Window {
    private final long self = ProcessHandle.current().pid();
    private final List<ProcessGroup> groups =
        List.of(
            new ProcessGroup("server", p -> p.pid() == serverPid),
            new ProcessGroup("postgres", postgres),
            new ProcessGroup("redis", redis),
            new ProcessGroup("bench", p -> p.pid() == self));
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bench-sampler");
              t.setDaemon(true);
              return t;
            });
    private final long startNanos = System.nanoTime();
    private final long startBusyTicks = machineBusyTicks();
    private List<Long> watched = List.of();
    private int samples;

    private Window() {
      sample();
      timer.scheduleAtFixedRate(this::sample, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
      List<ProcessTable.Entry> processes;
      if (samples++ % RESCAN_EVERY == 0) {
        processes =
            ProcessTable.snapshot().stream()
                .filter(p -> groups.stream().anyMatch(g -> g.wants(p)))
                .toList();
        watched = processes.stream().map(ProcessTable.Entry::pid).toList();
      } else {
        processes = watched.stream().flatMap(pid -> ProcessTable.read(pid).stream()).toList();
      }
      groups.forEach(group -> group.sample(processes));
    }

    /** Takes a last sample and returns each group's usage over the window. */
    public ResourceReport stop() throws InterruptedException {
      timer.shutdown();
      timer.awaitTermination(5, TimeUnit.SECONDS);
      sample();
      double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
      double machineSeconds = (machineBusyTicks() - startBusyTicks) / ticksPerSecond;
      List<ResourceUsage> usage =
          groups.stream().map(g -> g.usage(wallSeconds, ticksPerSecond)).toList();
      double ours = usage.stream().mapToDouble(ResourceUsage::cpuSeconds).sum();
      return new ResourceReport(usage, Math.max(0, 100 * (machineSeconds - ours) / wallSeconds));
    }
  }

  public Window start() {
    return new Window();
  }

  private static long machineBusyTicks() {
    try (var lines = Files.lines(Path.of("/proc/stat"))) {
      return ProcStat.machineBusyTicks(lines.findFirst().orElseThrow());
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** {@code getconf CLK_TCK}; 100 (what Linux uses on every common architecture) if it fails. */
  private static double clockTicksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      return getconf.waitFor() == 0 ? Double.parseDouble(out) : 100;
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
