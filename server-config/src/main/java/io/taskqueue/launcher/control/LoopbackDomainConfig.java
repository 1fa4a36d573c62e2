package io.taskqueue.launcher.control;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Rewrites a new domain's {@code domain.xml} before its first start, so that the domain serves on
 * 127.0.0.1 only and never reaches out. Its duties, for every configuration in the file:
 *
 * <ol>
 *   <li>bind every network listener (HTTP, HTTPS, admin), IIOP listener and JMX connector to
 *       127.0.0.1 (the template binds IIOP and JMX to 0.0.0.0, the rest to every address);
 *   <li>disable the data grid (Hazelcast), and should it be re-enabled, bind it to 127.0.0.1 and
 *       let it find members through the DAS, never by multicast;
 *   <li>disable phone home, which otherwise reports to Payara on the first start;
 *   <li>disable the JMX connector and the JMS service (no broker), and keep the debugger off;
 *   <li>set the caller's JVM options, each replacing the template's option of the same name, and
 *       the caller's system properties on the server.
 * </ol>
 */
final class LoopbackDomainConfig {

  static final String LOOPBACK = "127.0.0.1";
  private static final String DAS_SERVER = "server";

  private LoopbackDomainConfig() {}

  static void apply(Path domainXml, Map<String, String> systemProperties, List<String> jvmOptions)
      throws IOException {
    Document document = read(domainXml);
    Element domain = document.getDocumentElement();
    for (String listener : List.of("network-listener", "iiop-listener", "jmx-connector")) {
      elements(domain, listener).forEach(element -> element.setAttribute("address", LOOPBACK));
    }
    // Nothing here needs JMX (asadmin speaks HTTP), and a connector bound to one address logs a
    // SEVERE NotBoundException at every stop.
    elements(domain, "jmx-connector").forEach(jmx -> jmx.setAttribute("enabled", "false"));
    elements(domain, "jms-host").forEach(host -> host.setAttribute("host", LOOPBACK));
    Element grid = child(domain, "hazelcast-runtime-configuration");
    grid.setAttribute("interface", LOOPBACK);
    grid.setAttribute("das-bind-address", LOOPBACK);
    grid.setAttribute("discovery-mode", "domain");
    for (Element config : elements(child(domain, "configs"), "config")) {
      child(config, "hazelcast-config-specific-configuration").setAttribute("enabled", "false");
      child(config, "phone-home-runtime-configuration").setAttribute("enabled", "false");
      child(config, "jms-service").setAttribute("type", "DISABLED");
      child(config, "java-config").setAttribute("debug-enabled", "false");
    }
    Element dasConfig = configOfServer(domain, DAS_SERVER);
    setJvmOptions(child(dasConfig, "java-config"), jvmOptions);
    setSystemProperties(serverNamed(domain, DAS_SERVER), systemProperties);
    write(document, domainXml);
  }

  private static void setJvmOptions(Element javaConfig, List<String> options) {
    for (String option : options) {
      for (Element existing : elements(javaConfig, "jvm-options")) {
        if (optionName(existing.getTextContent()).equals(optionName(option))) {
          javaConfig.removeChild(existing);
        }
      }
      Element added = javaConfig.getOwnerDocument().createElement("jvm-options");
      added.setTextContent(option);
      javaConfig.appendChild(added);
    }
  }

  /**
   * What an option sets: {@code -Dname}, {@code -XX:Name}, or {@code -Xmx} for {@code -Xmx512m}.
   */
  static String optionName(String option) {
    String text = option.strip();
    if (text.startsWith("-XX:")) {
      return "-XX:" + text.substring(4).replaceFirst("^[+-]", "").split("=", 2)[0];
    }
    if (text.matches("-X(mx|ms|ss|mn)\\S+")) {
      return text.substring(0, 4);
    }
    return text.split("=", 2)[0];
  }

  private static void setSystemProperties(Element server, Map<String, String> properties) {
    properties.forEach(
        (name, value) -> {
          Element property =
              elements(server, "system-property").stream()
                  .filter(existing -> existing.getAttribute("name").equals(name))
                  .findFirst()
                  .orElseGet(() -> append(server, "system-property"));
          property.setAttribute("name", name);
          property.setAttribute("value", value);
        });
  }

  private static Element configOfServer(Element domain, String serverName) {
    String configName = serverNamed(domain, serverName).getAttribute("config-ref");
    return elements(child(domain, "configs"), "config").stream()
        .filter(config -> config.getAttribute("name").equals(configName))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("domain.xml has no config " + configName));
  }

  private static Element serverNamed(Element domain, String name) {
    return elements(child(domain, "servers"), "server").stream()
        .filter(server -> server.getAttribute("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("domain.xml has no server " + name));
  }

  /** The first direct child named {@code name}, created when there is none. */
  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return append(parent, name);
  }

  private static Element append(Element parent, String name) {
    return (Element) parent.appendChild(parent.getOwnerDocument().createElement(name));
  }

  /** Every descendant named {@code name}, as a list that later edits do not change. */
  private static List<Element> elements(Element root, String name) {
    NodeList found = root.getElementsByTagName(name);
    List<Element> elements = new ArrayList<>(found.getLength());
    for (int i = 0; i < found.getLength(); i++) {
      elements.add((Element) found.item(i));
    }
    return elements;
  }

  private static Document read(Path file) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("cannot read " + file, e);
    }
  }

  private static void write(Document document, Path file) throws IOException {
    try {
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      factory.newTransformer().transform(new DOMSource(document), new StreamResult(file.toFile()));
    } catch (TransformerException e) {
      throw new IOException("cannot write " + file, e);
    }
  }
}
