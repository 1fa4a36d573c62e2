package io.taskqueue.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Boundary / control / entity inside every feature: entities know nothing of the machinery. */
@AnalyzeClasses(packages = "io.taskqueue", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule entitiesDependOnNoControlOrBoundary =
      noClasses()
          .that()
          .resideInAPackage("..entity..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..control..", "..boundary..");

  @ArchTest
  static final ArchRule controlNeverReachesUpIntoStartupBeans =
      noClasses()
          .that()
          .resideInAPackage("..control..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.taskqueue.worker.boundary..",
              "io.taskqueue.duty.boundary..",
              "io.taskqueue.configuration.boundary..");

  @ArchTest
  static final ArchRule featuresDependOnEachOtherWithoutCycles =
      slices().matching("io.taskqueue.(*)..").should().beFreeOfCycles();
}
