package org.stratacache.ai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The AI module is an extension like any user's: it may use the provider's public API only. */
class PublicApiOnlyTest {

  @Test
  void theAiModuleUsesNoInternalProviderType() {
    JavaClasses ai = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.stratacache.ai");
    noClasses().should().dependOnClassesThat().resideInAPackage("org.stratacache.jcache.internal..")
        .because("an extension that needs an internal type shows a gap in the public API")
        .check(ai);
  }
}
