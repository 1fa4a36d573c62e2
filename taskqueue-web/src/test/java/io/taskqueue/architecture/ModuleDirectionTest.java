package io.taskqueue.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Dependencies point one way: web → ejb → persistence. Classes are told apart by where they were
 * loaded from, since a feature's packages span modules.
 */
@AnalyzeClasses(packages = "io.taskqueue", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDirectionTest {

  @ArchTest
  static final ArchRule theEngineDoesNotDependOnTheWebModule =
      noClasses().that(from("taskqueue-ejb")).should().dependOnClassesThat(from("taskqueue-web"));

  @ArchTest
  static final ArchRule persistenceDependsOnNeitherEngineNorWeb =
      noClasses()
          .that(from("taskqueue-persistence"))
          .should()
          .dependOnClassesThat(from("taskqueue-ejb").or(from("taskqueue-web")));

  @ArchTest
  static final ArchRule theWebModuleUsesOnlyTheEnginesBoundariesAndEntities =
      noClasses()
          .that(from("taskqueue-web"))
          .should()
          .dependOnClassesThat(
              from("taskqueue-ejb")
                  .and(
                      DescribedPredicate.describe(
                          "outside boundary and entity packages",
                          c ->
                              !c.getPackageName().contains(".boundary")
                                  && !c.getPackageName().contains(".entity"))));

  /**
   * The web module's features among themselves (the engine's are checked in its own module; a
   * feature name shared by both modules is not one slice).
   */
  @ArchTest
  static final ArchRule webFeaturesDependOnEachOtherWithoutCycles =
      slices()
          .assignedFrom(
              new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass c) {
                  String[] parts = c.getPackageName().split("\\.");
                  return from("taskqueue-web").test(c) && parts.length > 2
                      ? SliceIdentifier.of(parts[2])
                      : SliceIdentifier.ignore();
                }

                @Override
                public String getDescription() {
                  return "features of taskqueue-web";
                }
              })
          .should()
          .beFreeOfCycles();

  private static DescribedPredicate<JavaClass> from(String module) {
    return DescribedPredicate.describe(
        "classes of " + module,
        c ->
            c.getSource()
                .map(s -> s.getUri().toString().contains("/" + module + "/"))
                .orElse(false));
  }
}
