package io.taskqueue.launcher.control;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A full Payara Server domain of its own, for tests that deploy an EAR or a WAR the way a user's
 * server would run it. Its duties:
 *
 * <ol>
 *   <li>create the domain in the caller's directory on a free block of ports, without an admin
 *       password, and confine it to 127.0.0.1 before its first start ({@link LoopbackDomainConfig}:
 *       listeners, data grid off, phone home off, no JMS broker);
 *   <li>start it with the caller's system properties and JVM options, and refuse to keep it running
 *       if any of its sockets listens beyond loopback;
 *   <li>deploy and undeploy archives, and run any other asadmin command against it;
 *   <li>stop it on {@link #close()} and kill it if it will not stop; a shutdown hook does the same
 *       when the JVM exits first.
 * </ol>
 *
 * <p>Every asadmin call is bounded and logged to {@link #log()}; the server's own log is {@link
 * #serverLog()}. Linux only: the loopback check reads {@code /proc}.
 */
public final class PayaraServerDomain implements AutoCloseable {

  private static final String NAME = "domain1";
  private static final int HTTP_OFFSET = 80;
  private static final int ADMIN_OFFSET = 48;
  private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(15);

  private final Asadmin asadmin;
  private final Path domains;
  private final Path log;
  private final int portBase;
  private final Thread shutdownHook;
  private long pid = -1;
  private boolean hooked;

  private PayaraServerDomain(Asadmin asadmin, Path domains, Path log, int portBase) {
    this.asadmin = asadmin;
    this.domains = domains;
    this.log = log;
    this.portBase = portBase;
    this.shutdownHook = new Thread(this::stopQuietly, "payara-domain-stop");
  }

  /**
   * Creates a domain under {@code directory} (which must not hold one yet) for the Payara Server
   * unpacked at {@code payaraHome} (the directory holding {@code bin/asadmin}).
   */
  public static PayaraServerDomain create(
      Path payaraHome, Path directory, PayaraServerSettings settings) throws IOException {
    Files.createDirectories(directory);
    Path log = directory.resolve("asadmin.log");
    Path domains = directory.resolve("domains");
    Asadmin asadmin = new Asadmin(payaraHome, log, settings.environment());
    int portBase = PortBase.find();
    asadmin.run(
        CREATE_TIMEOUT,
        List.of(
            "create-domain",
            "--domaindir",
            domains.toString(),
            "--portbase",
            Integer.toString(portBase),
            "--nopassword=true",
            // PortBase checked them on loopback; asadmin's check would bind the wildcard address.
            "--checkports=false",
            NAME));
    LoopbackDomainConfig.apply(
        domains.resolve(NAME).resolve("config/domain.xml"),
        settings.systemProperties(),
        settings.jvmOptions());
    return new PayaraServerDomain(asadmin, domains, log, portBase);
  }

  /**
   * Starts the domain and returns once it serves; fails (with the domain stopped) if it did not
   * start in time or listens on any address besides loopback.
   */
  public synchronized void start() throws IOException {
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      hooked = true;
    }
    try {
      asadmin.run(
          START_TIMEOUT.plusSeconds(30),
          List.of(
              "start-domain",
              "--domaindir",
              domains.toString(),
              "--debug=false",
              "--timeout",
              Long.toString(START_TIMEOUT.toSeconds()),
              NAME));
      pid = pidFile().orElseThrow(() -> new IOException("the domain started but wrote no pid"));
      List<ListeningSockets.Socket> outside =
          ListeningSockets.of(pid).stream().filter(socket -> !socket.isLoopback()).toList();
      if (!outside.isEmpty()) {
        throw new IllegalStateException("the domain listened beyond loopback, on " + outside);
      }
    } catch (IOException | RuntimeException e) {
      // A start that timed out may still come up later: it must not outlive the failure.
      stopQuietly();
      throw e;
    }
  }

  /** Deploys an EAR or a WAR (a WAR at its default context root) under {@code name}. */
  public void deploy(Path archive, String name) throws IOException {
    command(DEPLOY_TIMEOUT, "deploy", "--name", name, archive.toAbsolutePath().toString());
  }

  /** Deploys a WAR at {@code contextRoot} (such as {@code /} or {@code /shop}). */
  public void deploy(Path war, String name, String contextRoot) throws IOException {
    command(
        DEPLOY_TIMEOUT,
        "deploy",
        "--name",
        name,
        "--contextroot",
        contextRoot,
        war.toAbsolutePath().toString());
  }

  public void undeploy(String name) throws IOException {
    command(COMMAND_TIMEOUT, "undeploy", name);
  }

  /** Runs a remote asadmin command against this domain, such as {@code list-applications}. */
  public String asadmin(String command, String... arguments) throws IOException {
    return command(COMMAND_TIMEOUT, command, arguments);
  }

  private String command(Duration timeout, String command, String... arguments) throws IOException {
    List<String> line =
        new ArrayList<>(
            List.of("--host", "127.0.0.1", "--port", Integer.toString(adminPort()), command));
    line.addAll(List.of(arguments));
    return asadmin.run(timeout, line);
  }

  /** Where applications are served, such as {@code http://127.0.0.1:12380/}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + (portBase + HTTP_OFFSET) + "/");
  }

  public int adminPort() {
    return portBase + ADMIN_OFFSET;
  }

  /** What asadmin said, call by call. */
  public Path log() {
    return log;
  }

  /** The server's own log: boot, deployments, and the applications' logging. */
  public Path serverLog() {
    return domains.resolve(NAME).resolve("logs/server.log");
  }

  /** The server's process id while it runs. */
  public synchronized OptionalLong pid() {
    return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
  }

  /** The sockets the server listens on (TCP) or is bound to (UDP). */
  public List<ListeningSockets.Socket> listeningSockets() throws IOException {
    return ListeningSockets.of(pid().orElseThrow(() -> new IllegalStateException("not running")));
  }

  /** Stops the domain, and kills it if it has not stopped in time; does nothing if not running. */
  @Override
  public synchronized void close() {
    stopQuietly();
    if (hooked) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
      hooked = false;
    }
  }

  private synchronized void stopQuietly() {
    OptionalLong server = pid().isPresent() ? pid() : pidFile();
    if (server.isEmpty()) {
      return;
    }
    try {
      asadmin.run(
          STOP_TIMEOUT.plusSeconds(15),
          List.of(
              "stop-domain",
              "--domaindir",
              domains.toString(),
              "--timeout",
              Long.toString(STOP_TIMEOUT.toSeconds()),
              NAME));
    } catch (IOException e) {
      System.err.println("taskqueue: stop-domain failed, killing " + server.getAsLong() + ": " + e);
    }
    ProcessHandle.of(server.getAsLong())
        .filter(ProcessHandle::isAlive)
        .ifPresent(PayaraServerDomain::kill);
    pid = -1;
  }

  private static void kill(ProcessHandle process) {
    process.destroyForcibly();
    try {
      process.onExit().get(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      System.err.println("taskqueue: Payara process " + process.pid() + " did not die: " + e);
    }
  }

  /** The pid the server writes at boot, also when {@link #start()} gave up waiting for it. */
  private OptionalLong pidFile() {
    Path file = domains.resolve(NAME).resolve("config/pid");
    try {
      return Files.isRegularFile(file)
          ? OptionalLong.of(Long.parseLong(Files.readString(file).strip()))
          : OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
