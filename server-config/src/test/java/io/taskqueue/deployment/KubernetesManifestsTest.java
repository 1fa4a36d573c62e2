package io.taskqueue.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests, read as Kubernetes would read them: every document parses and names its
 * kind; every container has requests, limits and the three probes on the application's health paths
 * and port; every environment variable is a documented configuration key; the pods outlive the
 * shutdown grace; the Service reaches API pods and no worker pod.
 */
class KubernetesManifestsTest {

  static final Path MANIFESTS = Path.of("src/main/kubernetes");
  static final Map<String, String> PROBES =
      Map.of(
          "startupProbe", "/health/started",
          "livenessProbe", "/health/live",
          "readinessProbe", "/health/ready");

  /** The port Payara Micro serves the application on, as the launcher and the image run it. */
  static final int APP_PORT = 8080;

  @Test
  void everyManifestParsesAndNamesItsKind() throws IOException {
    List<Map<String, Object>> documents = documents();
    assertTrue(documents.size() >= 9, "found " + documents.size());
    for (Map<String, Object> d : documents) {
      assertNotNull(d.get("apiVersion"), d.toString());
      assertNotNull(d.get("kind"), d.toString());
      assertNotNull(map(d, "metadata").get("name"), d.toString());
    }
  }

  @Test
  void everyContainerHasResourcesAndTheThreeProbesOnTheHealthPaths() throws IOException {
    List<Map<String, Object>> deployments = ofKind("Deployment");
    assertEquals(2, deployments.size());
    for (Map<String, Object> deployment : deployments) {
      for (Map<String, Object> container : containers(deployment)) {
        String where = name(deployment) + "/" + container.get("name");
        Map<String, Object> resources = map(container, "resources");
        assertNotNull(map(resources, "requests").get("cpu"), where);
        assertNotNull(map(resources, "requests").get("memory"), where);
        assertNotNull(map(resources, "limits").get("memory"), where);
        Object port = null;
        for (Map<String, Object> p : list(container, "ports")) {
          if ("http".equals(p.get("name"))) {
            port = p.get("containerPort");
          }
        }
        assertEquals(APP_PORT, port, where);
        PROBES.forEach(
            (probe, path) -> {
              Map<String, Object> get = map(map(container, probe), "httpGet");
              assertEquals(path, get.get("path"), where + " " + probe);
              assertEquals("http", get.get("port"), where + " " + probe);
            });
        Map<String, Object> security = map(container, "securityContext");
        assertEquals(true, security.get("readOnlyRootFilesystem"), where);
        assertEquals(false, security.get("allowPrivilegeEscalation"), where);
      }
    }
  }

  @Test
  void podsOutliveTheShutdownGraceSoRunningJobsAreHandedBack() throws IOException {
    long graceMs =
        Long.parseLong(
            String.valueOf(
                map(ofKind("ConfigMap").get(0), "data").get("TASKQUEUE_SHUTDOWN_GRACE_MS")));
    for (Map<String, Object> deployment : ofKind("Deployment")) {
      int seconds =
          (Integer)
              map(map(map(deployment, "spec"), "template"), "spec")
                  .get("terminationGracePeriodSeconds");
      assertTrue(
          seconds * 1000L >= graceMs + 10_000,
          name(deployment) + ": " + seconds + " s for a " + graceMs + " ms grace");
    }
  }

  @Test
  void everyEnvironmentVariableIsADocumentedConfigurationKey() throws IOException {
    Set<String> documented = documentedKeysInEnvironmentForm();
    Set<String> used = new TreeSet<>();
    for (Map<String, Object> d : documents()) {
      switch (String.valueOf(d.get("kind"))) {
        case "ConfigMap" -> used.addAll(map(d, "data").keySet());
        case "Secret" -> used.addAll(map(d, "stringData").keySet());
        case "Deployment" ->
            containers(d)
                .forEach(c -> list(c, "env").forEach(e -> used.add((String) e.get("name"))));
        default -> {}
      }
    }
    assertFalse(used.isEmpty());
    Set<String> undocumented = new TreeSet<>(used);
    undocumented.removeAll(documented);
    assertEquals(Set.of(), undocumented, "not in the README's configuration tables");
  }

  @Test
  void theServiceReachesApiPodsAndNoWorkerPod() throws IOException {
    Map<String, Object> selector = map(map(ofKind("Service").get(0), "spec"), "selector");
    List<String> selected = new ArrayList<>();
    for (Map<String, Object> deployment : ofKind("Deployment")) {
      Map<String, Object> labels =
          map(map(map(map(deployment, "spec"), "template"), "metadata"), "labels");
      if (labels.entrySet().containsAll(selector.entrySet())) {
        selected.add(name(deployment));
      }
      Map<String, Object> env = new HashMap<>();
      containers(deployment)
          .forEach(
              c -> list(c, "env").forEach(e -> env.put((String) e.get("name"), e.get("value"))));
      boolean apiOnly = "0".equals(env.get("TASKQUEUE_WORKERS"));
      assertEquals(
          apiOnly, "api".equals(labels.get("app.kubernetes.io/component")), name(deployment));
    }
    assertEquals(List.of("taskqueue-api"), selected);
  }

  @Test
  void theKustomizationListsEveryBaseManifest() throws IOException {
    Map<String, Object> kustomization;
    try (Reader in = Files.newBufferedReader(MANIFESTS.resolve("base/kustomization.yaml"))) {
      kustomization = yaml().load(in);
    }
    @SuppressWarnings("unchecked")
    Set<String> listed = new TreeSet<>((List<String>) kustomization.get("resources"));
    Set<String> present = new TreeSet<>();
    try (Stream<Path> files = Files.list(MANIFESTS.resolve("base"))) {
      files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml"))
          .forEach(present::add);
    }
    assertEquals(present, listed);
  }

  /** Every configuration key the README documents, as an environment variable names it. */
  static Set<String> documentedKeysInEnvironmentForm() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    Set<String> keys = new TreeSet<>();
    Matcher key = Pattern.compile("`((?:taskqueue|mp)\\.[a-z0-9.<>-]+)`").matcher(readme);
    while (key.find()) {
      keys.add(key.group(1).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
    }
    return keys;
  }

  static List<Map<String, Object>> documents() throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MANIFESTS)) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".yaml"))
              .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
              .sorted()
              .toList()) {
        try (Reader in = Files.newBufferedReader(file)) {
          for (Object document : yaml().loadAll(in)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) document;
            documents.add(map);
          }
        }
      }
    }
    return documents;
  }

  private static Yaml yaml() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }

  private static List<Map<String, Object>> ofKind(String kind) throws IOException {
    return documents().stream().filter(d -> kind.equals(d.get("kind"))).toList();
  }

  private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
    return list(map(map(map(deployment, "spec"), "template"), "spec"), "containers");
  }

  private static String name(Map<String, Object> document) {
    return String.valueOf(map(document, "metadata").get("name"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertNotNull(value, key + " missing in " + parent.keySet());
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }
}
