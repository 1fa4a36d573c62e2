package io.taskqueue.support;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the API suites: the WAR the build produced, whole (what users deploy is what is tested),
 * deployed to Payara Micro by Arquillian on this JVM's PostgreSQL and Redis, and a client for it.
 */
@ExtendWith({PayaraServices.class, ArquillianExtension.class})
public abstract class DeployedWar {

  @Deployment(testable = false)
  public static WebArchive taskqueueWar() {
    return ShrinkWrap.create(ZipImporter.class, "taskqueue.war")
        .importFrom(new File(System.getProperty("taskqueue.war")))
        .as(WebArchive.class);
  }

  @ArquillianResource protected URL deployment;
  protected Api api;

  /**
   * Right after a redeployment Payara may still route a first request to the context being torn
   * down (a 500 from the container, not from us): wait until the API answers.
   */
  @BeforeEach
  void client() {
    api = new Api(deployment);
    await().atMost(60, SECONDS).until(() -> api.get("api/queues").status() == 200);
  }
}
