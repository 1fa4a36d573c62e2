package io.taskqueue.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The example applications pin their own versions (they have no parent of taskqueue's): the
 * taskqueue they use is this build's, and every library and plugin they share with taskqueue has
 * taskqueue's version, so that they are tested on what taskqueue is tested on and the README's
 * advice to copy them stays true after a version bump.
 */
class ExamplesPinsTest {

  private static final Path TOP = Path.of("..");
  private static final Pom PARENT = Pom.read(TOP.resolve("pom.xml"));
  private static final Pom EXAMPLES = Pom.read(TOP.resolve("examples/pom.xml"));

  @Test
  void theExamplesUseTheTaskqueueOfThisBuild() {
    assertEquals(PARENT.text("/project/version"), EXAMPLES.property("taskqueue.version"));
    assertEquals(PARENT.property("payara.version"), EXAMPLES.property("payara.version"));
  }

  @Test
  void librariesTheExamplesShareWithTaskqueueHaveTaskqueuesVersions() {
    Map<String, String> ours = PARENT.managedVersions("dependencyManagement/dependencies");
    Map<String, String> theirs = EXAMPLES.managedVersions("dependencyManagement/dependencies");
    int shared = 0;
    for (var pinned : theirs.entrySet()) {
      if (ours.containsKey(pinned.getKey())) {
        shared++;
        assertEquals(ours.get(pinned.getKey()), pinned.getValue(), pinned.getKey());
      }
    }
    assertTrue(shared >= 10, "the examples pin the libraries they share with taskqueue");
  }

  @Test
  void pluginsTheExamplesShareWithTaskqueueHaveTaskqueuesVersions() {
    Map<String, String> ours = PARENT.managedVersions("build/pluginManagement/plugins");
    Map<String, String> theirs = EXAMPLES.managedVersions("build/pluginManagement/plugins");
    for (var pinned : theirs.entrySet()) {
      assertEquals(ours.get(pinned.getKey()), pinned.getValue(), pinned.getKey());
    }
    assertTrue(theirs.size() >= 10, "the examples pin the plugins they use");
  }

  private record Pom(Document document) {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    static Pom read(Path file) {
      try {
        return new Pom(
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()));
      } catch (Exception e) {
        throw new IllegalStateException("cannot read " + file, e);
      }
    }

    String text(String path) {
      Node node = document.getDocumentElement();
      for (String name : path.replaceFirst("^/project/", "").split("/")) {
        node = child(node, name);
      }
      return node.getTextContent().trim();
    }

    String property(String name) {
      return text("/project/properties/" + name);
    }

    /** groupId:artifactId to version (properties resolved) of the entries under a path. */
    Map<String, String> managedVersions(String path) {
      Map<String, String> versions = new HashMap<>();
      Node list = document.getDocumentElement();
      for (String name : path.split("/")) {
        list = child(list, name);
      }
      NodeList entries = list.getChildNodes();
      for (int i = 0; i < entries.getLength(); i++) {
        if (entries.item(i) instanceof Element entry && child(entry, "version") != null) {
          Node group = child(entry, "groupId");
          String key =
              (group == null ? "org.apache.maven.plugins" : group.getTextContent().trim())
                  + ":"
                  + child(entry, "artifactId").getTextContent().trim();
          versions.put(key, resolve(child(entry, "version").getTextContent().trim()));
        }
      }
      return versions;
    }

    private String resolve(String value) {
      Matcher reference = PROPERTY.matcher(value);
      return reference.replaceAll(
          found ->
              Matcher.quoteReplacement(
                  found.group(1).equals("project.version")
                      ? text("/project/version")
                      : property(found.group(1))));
    }

    private static Node child(Node parent, String name) {
      NodeList children = parent.getChildNodes();
      for (int i = 0; i < children.getLength(); i++) {
        if (children.item(i).getNodeName().equals(name)) {
          return children.item(i);
        }
      }
      return null;
    }
  }
}
