package io.taskqueue.faults.chaos;

import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.launcher.control.PayaraMicroProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The soak's taskqueue nodes, each a Payara Micro JVM (loopback only, no Hazelcast, no phone-home:
 * {@link PayaraMicroProcess}) on the soak's PostgreSQL and Redis. Duties:
 *
 * <ol>
 *   <li>boot them all, in parallel;
 *   <li>kill one with SIGKILL and boot it again on its port in the background, so the soak goes on
 *       while it boots (about a minute on a busy machine);
 *   <li>tell when a booting node has deployed (its start-up check answers);
 *   <li>freeze and thaw one (SIGSTOP / SIGCONT);
 *   <li>say which nodes are up, so faults never take every node at once;
 *   <li>kill them all at the end, whatever happened.
 * </ol>
 */
final class ChaosNodes implements AutoCloseable {

  static final Duration BOOT = Duration.ofSeconds(240);

  private final Map<String, String> environment;
  private final Path workDirectory;
  private final PayaraMicroProcess[] nodes;
  private final int[] ports;
  private final boolean[] up;
  private final ExecutorService boots = Executors.newCachedThreadPool();
  private final List<Future<?>> pendingBoots = new ArrayList<>();

  ChaosNodes(int count, Map<String, String> environment, Path workDirectory) {
    this.environment = environment;
    this.workDirectory = workDirectory;
    this.nodes = new PayaraMicroProcess[count];
    this.ports = new int[count];
    this.up = new boolean[count];
    for (int i = 0; i < count; i++) {
      ports[i] = FreePort.find();
    }
  }

  static String name(int node) {
    return "chaos-" + (node + 1);
  }

  int count() {
    return nodes.length;
  }

  int port(int node) {
    return ports[node];
  }

  /** Boots every node and waits until each API answers. */
  void startAll() throws Exception {
    List<Future<?>> started = new ArrayList<>();
    for (int i = 0; i < nodes.length; i++) {
      int node = i;
      started.add(boots.submit(() -> boot(node)));
    }
    for (Future<?> f : started) {
      f.get(BOOT.toSeconds() + 30, TimeUnit.SECONDS);
    }
  }

  synchronized boolean isUp(int node) {
    return up[node];
  }

  synchronized int upCount() {
    int n = 0;
    for (boolean u : up) {
      n += u ? 1 : 0;
    }
    return n;
  }

  /** SIGKILL, then a new JVM on the same port in the background. */
  void killAndRestart(int node) throws InterruptedException {
    PayaraMicroProcess victim;
    synchronized (this) {
      victim = nodes[node];
      up[node] = false;
    }
    victim.kill();
    synchronized (this) {
      pendingBoots.add(boots.submit(() -> boot(node)));
    }
  }

  void signal(int node, String signal) throws IOException, InterruptedException {
    PayaraMicroProcess target;
    synchronized (this) {
      target = nodes[node];
    }
    target.signal(signal);
  }

  /**
   * Waits up to {@code atMost} until the node's application is deployed: its start-up check answers
   * (down, while it waits for its stores). Whether it did.
   */
  boolean awaitDeployed(int node, Duration atMost) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest started =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[node] + "/health/started"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(started, HttpResponse.BodyHandlers.ofString())
            .body()
            .contains("taskqueue-started")) {
          return true;
        }
      } catch (IOException notYet) {
        // still booting
      }
      Thread.sleep(250);
    }
    return false;
  }

  /** Waits (bounded) for the boots that kills started; true when every node is up. */
  boolean awaitBoots() throws InterruptedException {
    List<Future<?>> waiting;
    synchronized (this) {
      waiting = new ArrayList<>(pendingBoots);
    }
    for (Future<?> f : waiting) {
      try {
        f.get(BOOT.toSeconds() + 30, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.out.println("CHAOS a node did not come back: " + e);
      }
    }
    return upCount() == nodes.length;
  }

  private Void boot(int node) throws InterruptedException {
    Map<String, String> env = new HashMap<>(environment);
    env.put("TASKQUEUE_NODE_NAME", name(node));
    PayaraMicroProcess process =
        PayaraMicroProcess.start(
            Path.of(System.getProperty("taskqueue.micro-jar")),
            Path.of(System.getProperty("taskqueue.war")),
            ports[node],
            workDirectory.resolve(name(node) + "-" + System.nanoTime()),
            env,
            List.of("-Xmx320m", "-XX:TieredStopAtLevel=1"));
    synchronized (this) {
      nodes[node] = process;
    }
    if (!process.awaitApi(BOOT)) {
      process.kill();
      throw new IllegalStateException(name(node) + " did not boot; logs in " + process.log());
    }
    synchronized (this) {
      up[node] = true;
    }
    return null;
  }

  /** Kills every node (a frozen one too: SIGKILL needs no SIGCONT). */
  @Override
  public void close() {
    boots.shutdownNow();
    for (PayaraMicroProcess node : nodes) {
      if (node != null) {
        try {
          node.kill();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
