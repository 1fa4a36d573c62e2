package io.taskqueue.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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

  private static DescribedPredicate<JavaClass> from(String module) {
    return DescribedPredicate.describe(
        "classes of " + module,
        c ->
            c.getSource()
                .map(s -> s.getUri().toString().contains("/" + module + "/"))
                .orElse(false));
  }
}
