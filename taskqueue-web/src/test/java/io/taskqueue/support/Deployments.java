package io.taskqueue.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, whole: what users deploy is what is tested. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive taskqueueWar() {
    return ShrinkWrap.create(ZipImporter.class, "taskqueue.war")
        .importFrom(new File(System.getProperty("taskqueue.war")))
        .as(WebArchive.class);
  }
}
