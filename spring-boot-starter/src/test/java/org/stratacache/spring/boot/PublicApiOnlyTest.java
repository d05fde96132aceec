package org.stratacache.spring.boot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The starter is an adapter like any user's code: it may use the provider's public API only. */
class PublicApiOnlyTest {

  @Test
  void theStarterUsesNoInternalProviderType() {
    JavaClasses starter = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.stratacache.spring.boot");
    noClasses().should().dependOnClassesThat().resideInAPackage("org.stratacache.jcache.internal..")
        .because("an adapter that needs an internal type shows a gap in the public API")
        .check(starter);
  }
}
