package io.taskqueue.handlers.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * Boundary / control / entity inside every feature; handlers share only {@code outbound}, and reach
 * another feature through its boundary or entities, never its control.
 */
@AnalyzeClasses(
    packages = "io.taskqueue.handlers",
    importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  private static final List<String> FEATURES = List.of("webhook", "email", "image", "outbound");

  @ArchTest
  static final ArchRule entitiesDependOnNoControlOrBoundary =
      noClasses()
          .that()
          .resideInAPackage("..entity..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..control..", "..boundary..");

  @ArchTest
  static final ArchRule handlersShareOnlyOutbound =
      slices()
          .matching("io.taskqueue.handlers.(*)..")
          .should()
          .notDependOnEachOther()
          .ignoreDependency(
              DescribedPredicate.alwaysTrue(),
              resideInAPackage("io.taskqueue.handlers.outbound.."));

  @ArchTest
  static void controlIsPrivateToItsFeature(JavaClasses classes) {
    for (String feature : FEATURES) {
      String root = "io.taskqueue.handlers." + feature;
      noClasses()
          .that()
          .resideOutsideOfPackage(root + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(root + ".control..")
          .check(classes);
    }
  }

  @ArchTest
  static void controlNeverReachesUpIntoItsBoundary(JavaClasses classes) {
    for (String feature : FEATURES) {
      String root = "io.taskqueue.handlers." + feature;
      noClasses()
          .that()
          .resideInAPackage(root + ".control..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(root + ".boundary..")
          .allowEmptyShould(true) // outbound has no control
          .check(classes);
    }
  }
}
