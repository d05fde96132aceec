package org.stratacache.jcache.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The provider's floor plan, checked on its compiled classes so that a change which breaks it fails the build. */
class PackageRulesTest {

  private static final JavaClasses PROVIDER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.stratacache.jcache");

  @Test
  void packagesFormNoCycle() {
    slices().matching("org.stratacache.(**)").should().beFreeOfCycles().check(PROVIDER);
  }

  @Test
  void theStoreSpiKnowsNeitherTheProxyNorAnyStore() {
    noClasses().that().resideInAPackage("org.stratacache.jcache.store")
        .should().dependOnClassesThat().resideInAnyPackage("org.stratacache.jcache.internal.proxy..",
            "org.stratacache.jcache.internal.store..")
        .because("stores and wrappers depend on the SPI, never the other way")
        .check(PROVIDER);
  }

  @Test
  void onlyInternalPackagesKnowLettuce() {
    noClasses().that().resideInAPackage("org.stratacache.jcache..")
        .and().resideOutsideOfPackage("org.stratacache.jcache.internal..")
        .should().dependOnClassesThat().resideInAPackage("io.lettuce..")
        .because("the public API (configuration, store SPI, ...) must not tie users to the Redis client; "
            + "Lettuce is the Redis store's business (internal.store.redis)")
        .check(PROVIDER);
  }
}
