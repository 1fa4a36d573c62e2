package io.taskqueue.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a team that depends on a taskqueue release gets. Every module of this build has deployed its
 * artifacts to a file repository (the parent's {@code release-repository} execution of
 * maven-deploy-plugin); the example applications in {@code examples/}, which have no parent of
 * taskqueue's and import only its BOM, are then built and tested with that repository as the only
 * place taskqueue's artifacts can come from. An artifact that is not deployed, a POM that needs one
 * that is not, or a version that only taskqueue's parent manages fails their build.
 */
class ExamplesAgainstReleaseIT {

  private static final Path TOP = Path.of(System.getProperty("taskqueue.top"));
  private static final Path RELEASE_REPOSITORY =
      Path.of(System.getProperty("taskqueue.release-repository"));
  private static final Path LOCAL_REPOSITORY =
      Path.of(System.getProperty("taskqueue.local-repository"));
  private static final Path WORK = Path.of(System.getProperty("taskqueue.work"));
  private static final String VERSION = System.getProperty("taskqueue.version");
  private static final String GROUP_PATH = "io/taskqueue";
  private static final long BUILD_MINUTES = 20;

  @Test
  void theRepositoryHoldsEveryArtifactTheBomNamesAndTheirParent() throws Exception {
    Path bom = deployed("taskqueue-bom", null, "pom");
    var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(bom.toFile());
    NodeList managed = document.getElementsByTagName("dependency");
    assertTrue(managed.getLength() >= 8, "the BOM names taskqueue's artifacts");
    for (int i = 0; i < managed.getLength(); i++) {
      var dependency = (Element) managed.item(i);
      String artifactId = child(dependency, "artifactId");
      String type = child(dependency, "type");
      deployed(artifactId, child(dependency, "classifier"), extension(type == null ? "jar" : type));
      deployed(artifactId, null, "pom");
    }
    deployed("taskqueue-parent", null, "pom");
  }

  @Test
  void theExamplesBuildAndPassTheirTestsWithTheRepositoryAsTaskqueuesOnlySource() throws Exception {
    deleteWithoutFollowingLinks(WORK);
    Path localRepository = localRepositoryWithoutTaskqueue(WORK.resolve("local-repository"));
    Path settings = settingsWithTheReleaseRepository(WORK.resolve("settings.xml"));
    Path log = WORK.resolve("examples-build.log");

    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            TOP.resolve("mvnw").toString(),
            "--batch-mode",
            "--no-transfer-progress",
            "--file",
            TOP.resolve("examples/pom.xml").toString(),
            "--global-settings",
            settings.toString(),
            "-Dmaven.repo.local=" + localRepository,
            "-Dtaskqueue.version=" + VERSION,
            "-Dpayara.version=" + System.getProperty("taskqueue.payara-version"),
            "-Dtaskqueue.skip-faults=" + System.getProperty("taskqueue.skip-faults")));
    if (System.getProperty("taskqueue.offline").equals("offline-true")) {
      // Offline like the build that runs this test (.mvn/maven.config lets file repositories in).
      command.add("--offline");
    }
    command.addAll(List.of("clean", "verify"));
    var builder =
        new ProcessBuilder(command)
            .directory(TOP.resolve("examples").toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("MAVEN_ARGS");
    Process build = builder.start();
    if (!build.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
      build.descendants().forEach(ProcessHandle::destroyForcibly);
      build.destroyForcibly();
      fail("the examples' build did not end within " + BUILD_MINUTES + " min:\n" + tail(log));
    }
    assertEquals(0, build.exitValue(), () -> "the examples' build failed:\n" + tail(log));

    Path fromRelease = localRepository.resolve(GROUP_PATH + "/taskqueue-bom/" + VERSION);
    assertTrue(
        Files.readString(fromRelease.resolve("_remote.repositories")).contains("taskqueue-release"),
        "the BOM came from the release repository");
    // A WAR overlay's libraries are files, which Maven does not mediate: a library the shop has
    // as well as taskqueue would be there twice (README, "What taskqueue takes in your WAR").
    assertOneVersionOfEachLibrary(TOP.resolve("examples/orders/target/orders.war"), "WEB-INF/lib/");
    assertOneVersionOfEachLibrary(TOP.resolve("examples/orders-ear/target/orders.ear"), "lib/");
    if (!Boolean.getBoolean("taskqueue.skip-faults")) {
      assertTestsPassed(TOP.resolve("examples/orders/target/failsafe-reports"));
      assertTestsPassed(TOP.resolve("examples/orders-ear/target/failsafe-reports"));
    }
  }

  /** The deployed file of one artifact, failing when there is none. */
  private static Path deployed(String artifactId, String classifier, String extension)
      throws IOException {
    Path directory = RELEASE_REPOSITORY.resolve(GROUP_PATH).resolve(artifactId).resolve(VERSION);
    String base = VERSION.replaceFirst("-SNAPSHOT$", "");
    // A snapshot is deployed with a timestamp and build number in place of "SNAPSHOT".
    var name =
        Pattern.compile(
            Pattern.quote(artifactId + "-" + base)
                + "(-\\d{8}\\.\\d{6}-\\d+)?"
                + (classifier == null ? "" : Pattern.quote("-" + classifier))
                + Pattern.quote("." + extension));
    assertTrue(Files.isDirectory(directory), () -> "nothing deployed to " + directory);
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> name.matcher(file.getFileName().toString()).matches())
          .max(Path::compareTo)
          .orElseThrow(
              () ->
                  new AssertionError(
                      artifactId
                          + (classifier == null ? "" : ":" + classifier)
                          + "."
                          + extension
                          + " is not deployed to "
                          + directory));
    }
  }

  private static String extension(String type) {
    return switch (type) {
      case "ejb", "test-jar" -> "jar";
      default -> type;
    };
  }

  private static String child(Element element, String name) {
    NodeList children = element.getElementsByTagName(name);
    return children.getLength() == 0 ? null : children.item(0).getTextContent().trim();
  }

  /**
   * A local repository for the examples' build: the outer build's one, less taskqueue's group.
   * Every other entry links to the real one, so the examples reuse (and add to) its downloads;
   * {@code io/taskqueue} starts empty, so taskqueue's artifacts can only come from the release
   * repository, even on a machine where {@code ./mvnw install} has put them in the real one.
   */
  private static Path localRepositoryWithoutTaskqueue(Path view) throws IOException {
    Path io = view.resolve("io");
    Files.createDirectories(io);
    linkEntries(LOCAL_REPOSITORY, view, "io");
    if (Files.isDirectory(LOCAL_REPOSITORY.resolve("io"))) {
      linkEntries(LOCAL_REPOSITORY.resolve("io"), io, "taskqueue");
    }
    assertFalse(Files.exists(view.resolve(GROUP_PATH)));
    return view;
  }

  private static void linkEntries(Path from, Path to, String except) throws IOException {
    try (Stream<Path> entries = Files.list(from)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (!name.equals(except)) {
          Files.createSymbolicLink(to.resolve(name), entry);
        }
      }
    }
  }

  private static Path settingsWithTheReleaseRepository(Path file) throws IOException {
    Files.writeString(
        file,
        """
        <settings>
          <profiles>
            <profile>
              <id>taskqueue-release</id>
              <repositories>
                <repository>
                  <id>taskqueue-release</id>
                  <url>%s</url>
                  <releases><enabled>true</enabled></releases>
                  <snapshots><enabled>true</enabled><updatePolicy>always</updatePolicy></snapshots>
                </repository>
              </repositories>
            </profile>
          </profiles>
          <activeProfiles>
            <activeProfile>taskqueue-release</activeProfile>
          </activeProfiles>
        </settings>
        """
            .formatted(RELEASE_REPOSITORY.toUri()));
    return file;
  }

  private static void assertTestsPassed(Path reports) throws IOException {
    try (Stream<Path> files = Files.list(reports)) {
      List<Path> summaries =
          files.filter(f -> f.getFileName().toString().startsWith("failsafe-summary")).toList();
      assertFalse(summaries.isEmpty(), () -> "no test summary in " + reports);
      for (Path summary : summaries) {
        String xml = Files.readString(summary);
        assertFalse(xml.contains("<completed>0</completed>"), () -> "no tests ran: " + summary);
        assertTrue(xml.contains("<failures>0</failures>"), () -> "failures: " + summary);
        assertTrue(xml.contains("<errors>0</errors>"), () -> "errors: " + summary);
      }
    }
  }

  private static void assertOneVersionOfEachLibrary(Path archive, String directory)
      throws IOException {
    Map<String, List<String>> versions = new TreeMap<>();
    try (var zip = new ZipFile(archive.toFile())) {
      zip.stream()
          .map(ZipEntry::getName)
          .filter(name -> name.startsWith(directory) && name.endsWith(".jar"))
          .map(name -> name.substring(directory.length()))
          .forEach(
              jar ->
                  versions
                      .computeIfAbsent(
                          jar.replaceFirst(
                              "-\\d[^-]*(-SNAPSHOT|-\\d{8}\\.\\d{6}-\\d+)?(-[a-z][a-z0-9]*)?\\.jar$",
                              ""),
                          library -> new ArrayList<>())
                      .add(jar));
    }
    assertTrue(versions.size() >= 10, () -> "libraries in " + archive + ": " + versions);
    versions.forEach(
        (library, jars) ->
            assertEquals(1, jars.size(), () -> archive + " holds " + library + " twice: " + jars));
  }

  private static String tail(Path log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }

  /** Deletes a tree; links are deleted, never followed (the local repository's links). */
  private static void deleteWithoutFollowingLinks(Path root) throws IOException {
    if (Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure)
                throws IOException {
              Files.delete(directory);
              return FileVisitResult.CONTINUE;
            }
          });
    }
    Files.createDirectories(root);
  }
}
