package io.taskqueue.worker.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A readable name for this node: {@code taskqueue.node.name}, or {@code host:pid}. */
@ApplicationScoped
public class NodeIdentity {

  @Inject
  @ConfigProperty(name = "taskqueue.node.name")
  Optional<String> configured;

  public String nodeId() {
    return configured.filter(s -> !s.isBlank()).orElseGet(NodeIdentity::hostAndPid);
  }

  private static String hostAndPid() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + ":" + ProcessHandle.current().pid();
  }
}
