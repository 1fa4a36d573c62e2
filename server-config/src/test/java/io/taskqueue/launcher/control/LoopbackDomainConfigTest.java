package io.taskqueue.launcher.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LoopbackDomainConfigTest {

  @TempDir Path directory;
  private Path domainXml;

  @BeforeEach
  void newDomain() throws Exception {
    domainXml = directory.resolve("domain.xml");
    try (InputStream template = getClass().getResourceAsStream("/payara/domain-template.xml")) {
      Files.copy(template, domainXml);
    }
  }

  @Test
  void everyListenerOfEveryConfigBindsToLoopback() throws Exception {
    LoopbackDomainConfig.apply(domainXml, Map.of(), List.of());

    Document domain = parse();
    for (String tag : List.of("network-listener", "iiop-listener", "jmx-connector")) {
      List<Element> listeners = elements(domain.getDocumentElement(), tag);
      assertTrue(listeners.size() > 0, tag);
      listeners.forEach(l -> assertEquals("127.0.0.1", l.getAttribute("address"), tag));
    }
    assertEquals(
        "127.0.0.1", elements(domain.getDocumentElement(), "jms-host").get(0).getAttribute("host"));
  }

  @Test
  void theDataGridIsOffAndWouldNeverMulticast() throws Exception {
    LoopbackDomainConfig.apply(domainXml, Map.of(), List.of());

    Element runtime =
        elements(parse().getDocumentElement(), "hazelcast-runtime-configuration").get(0);
    assertEquals("127.0.0.1", runtime.getAttribute("interface"));
    assertEquals("127.0.0.1", runtime.getAttribute("das-bind-address"));
    assertEquals("domain", runtime.getAttribute("discovery-mode"));
    for (Element config : configs()) {
      assertEquals(
          "false", only(config, "hazelcast-config-specific-configuration").getAttribute("enabled"));
    }
  }

  @Test
  void phoneHomeJmxJmsAndTheDebuggerAreOffInEveryConfig() throws Exception {
    LoopbackDomainConfig.apply(domainXml, Map.of(), List.of());

    elements(parse().getDocumentElement(), "jmx-connector")
        .forEach(jmx -> assertEquals("false", jmx.getAttribute("enabled")));

    for (Element config : configs()) {
      assertEquals(
          "false", only(config, "phone-home-runtime-configuration").getAttribute("enabled"));
      assertEquals("DISABLED", only(config, "jms-service").getAttribute("type"));
      assertEquals("false", only(config, "java-config").getAttribute("debug-enabled"));
    }
  }

  @Test
  void jvmOptionsReplaceTheTemplatesOfTheSameNameOnTheServersConfigOnly() throws Exception {
    LoopbackDomainConfig.apply(
        domainXml, Map.of(), List.of("-Xmx768m", "-Dosgi.shell.telnet.port=0", "-Dfoo=bar"));

    List<String> server = jvmOptions(configs().get(0));
    assertTrue(server.contains("-Xmx768m"), server.toString());
    assertTrue(server.stream().noneMatch(o -> o.equals("-Xmx512m")), server.toString());
    assertTrue(server.contains("-Dosgi.shell.telnet.port=0"), server.toString());
    assertTrue(server.stream().noneMatch(o -> o.equals("-Dosgi.shell.telnet.port=6666")));
    assertTrue(server.contains("-Dfoo=bar") && server.contains("-server"), server.toString());
    assertEquals(List.of("-Xmx512m"), jvmOptions(configs().get(1)));
  }

  @Test
  void systemPropertiesAreSetOnTheServerWithTheirValuesVerbatim() throws Exception {
    LoopbackDomainConfig.apply(
        domainXml,
        Map.of("taskqueue.db.url", "jdbc:postgresql://127.0.0.1:5432/postgres?a=b&c=d"),
        List.of());
    LoopbackDomainConfig.apply(domainXml, Map.of("taskqueue.workers", "2"), List.of());

    Element server = elements(parse().getDocumentElement(), "server").get(0);
    List<Element> properties = elements(server, "system-property");
    assertEquals(2, properties.size());
    assertEquals("taskqueue.db.url", properties.get(0).getAttribute("name"));
    assertEquals(
        "jdbc:postgresql://127.0.0.1:5432/postgres?a=b&c=d",
        properties.get(0).getAttribute("value"));
  }

  @Test
  void anOptionIsNamedByWhatItSets() {
    assertEquals("-Xmx", LoopbackDomainConfig.optionName("-Xmx512m"));
    assertEquals("-Dtaskqueue.x", LoopbackDomainConfig.optionName("-Dtaskqueue.x=a=b"));
    assertEquals("-XX:UseG1GC", LoopbackDomainConfig.optionName("-XX:+UseG1GC"));
    assertEquals("-XX:UseG1GC", LoopbackDomainConfig.optionName("-XX:-UseG1GC"));
    assertEquals(
        "-XX:MaxMetaspaceSize", LoopbackDomainConfig.optionName("-XX:MaxMetaspaceSize=256m"));
    assertEquals("-server", LoopbackDomainConfig.optionName("-server"));
  }

  private List<Element> configs() throws Exception {
    return elements(parse().getDocumentElement(), "config");
  }

  private static List<String> jvmOptions(Element config) {
    return elements(config, "jvm-options").stream().map(Element::getTextContent).toList();
  }

  private static Element only(Element parent, String tag) {
    List<Element> found = elements(parent, tag);
    assertEquals(1, found.size(), tag);
    return found.get(0);
  }

  private static List<Element> elements(Element root, String tag) {
    NodeList found = root.getElementsByTagName(tag);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < found.getLength(); i++) {
      elements.add((Element) found.item(i));
    }
    return elements;
  }

  private Document parse() throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(domainXml.toFile());
  }
}
