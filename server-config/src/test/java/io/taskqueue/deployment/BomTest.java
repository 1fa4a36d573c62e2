package io.taskqueue.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The BOM an application imports: taskqueue's own artifacts at the project's version, and nothing
 * else (no parent whose dependency management would pin the application's libraries).
 */
class BomTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void theBomManagesEveryPublishedArtifactAtTheProjectsVersionAndNothingElse() throws Exception {
    Document bom = read(ROOT.resolve("taskqueue-bom/pom.xml"));
    Document parent = read(ROOT.resolve("pom.xml"));

    assertEquals(0, bom.getElementsByTagName("parent").getLength(), "a BOM without a parent");
    assertEquals(
        child(parent.getDocumentElement(), "version"), child(bom.getDocumentElement(), "version"));
    assertEquals(
        Set.of(
            "taskqueue-api:jar:",
            "taskqueue-client:jar:",
            "taskqueue-persistence:jar:",
            "taskqueue-ejb:ejb:",
            "taskqueue-handlers:jar:",
            "taskqueue-web:war:",
            "taskqueue-web:war:overlay",
            "taskqueue-web:war:ear",
            "taskqueue-ear:ear:"),
        managed(bom, true));
    Set<String> parentManaged = managed(parent, false);
    parentManaged.remove("server-config:jar:");
    assertTrue(
        managed(bom, true).containsAll(parentManaged),
        "every taskqueue artifact the build manages is in the BOM: " + parentManaged);
    assertTrue(
        modules(parent).contains("taskqueue-bom"), "the BOM is built and installed with the rest");
  }

  @Test
  void theReadmesDependenciesComeFromTheBom() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertTrue(readme.contains("<artifactId>taskqueue-bom</artifactId>"));
    assertTrue(readme.contains("<scope>import</scope>"));
    assertTrue(
        readme.contains("<classifier>overlay</classifier>"),
        "the README's overlay is the one without a logging binding");
  }

  /** artifactId:type:classifier of every io.taskqueue dependency managed by {@code pom}. */
  private static Set<String> managed(Document pom, boolean versionIsTheProjects) {
    Set<String> managed = new TreeSet<>();
    NodeList management = pom.getElementsByTagName("dependencyManagement");
    Element dependencies = (Element) management.item(0);
    NodeList list = dependencies.getElementsByTagName("dependency");
    for (int i = 0; i < list.getLength(); i++) {
      Element dependency = (Element) list.item(i);
      if (!"io.taskqueue".equals(child(dependency, "groupId"))) {
        continue;
      }
      if (versionIsTheProjects) {
        assertEquals("${project.version}", child(dependency, "version"));
      }
      String type = child(dependency, "type");
      managed.add(
          child(dependency, "artifactId")
              + ":"
              + (type.isEmpty() ? "jar" : type)
              + ":"
              + child(dependency, "classifier"));
    }
    return managed;
  }

  private static Set<String> modules(Document pom) {
    Set<String> modules = new TreeSet<>();
    NodeList list = pom.getElementsByTagName("module");
    for (int i = 0; i < list.getLength(); i++) {
      modules.add(list.item(i).getTextContent().strip());
    }
    return modules;
  }

  /** The text of {@code element}'s direct child {@code name}, or "" when it has none. */
  private static String child(Element element, String name) {
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().strip();
      }
    }
    return "";
  }

  private static Document read(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }
}
