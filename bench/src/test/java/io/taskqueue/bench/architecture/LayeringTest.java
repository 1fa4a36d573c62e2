package io.taskqueue.bench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Boundary → control → entity, one way: the command line is the only place that knows picocli, so
 * the workloads can be driven from a test or another front end.
 */
@AnalyzeClasses(
    packages = "io.taskqueue.bench",
    importOptions = ImportOption.DoNotIncludeTests.class)
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
  static final ArchRule controlDependsOnNoBoundary =
      noClasses()
          .that()
          .resideInAPackage("..control..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..boundary..", "picocli..");
}
