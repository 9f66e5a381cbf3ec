package dev.vb365.operator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The import directions of docs/architecture.md, kept by the build: the CRD model knows no HTTP, the VB365 client
 * knows no Kubernetes, the pure middle (sync) knows neither, and no package cycles.
 */
class ImportDirectionsTest {

  private static final JavaClasses PRODUCT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.vb365.operator");

  private static final String[] KUBERNETES = {"io.fabric8..", "io.javaoperatorsdk.."};
  private static final String[] HTTP = {"okhttp3..", "java.net.http..", "com.sun.net.httpserver.."};

  @Test
  void theCrdModelKnowsNoHttpAndNoOtherLayer() {
    noClasses().that().resideInAPackage("dev.vb365.operator.api..").should().dependOnClassesThat()
        .resideInAnyPackage(concat(HTTP, "dev.vb365.operator.veeam..", "dev.vb365.operator.feed..",
            "dev.vb365.operator.sync..", "dev.vb365.operator.mapping..", "dev.vb365.operator.controller..",
            "dev.vb365.operator.cli..")).check(PRODUCT);
  }

  @Test
  void theVb365ClientKnowsNoKubernetes() {
    noClasses().that().resideInAnyPackage("dev.vb365.operator.veeam..", "dev.vb365.operator.feed..")
        .should().dependOnClassesThat().resideInAnyPackage(concat(KUBERNETES, "dev.vb365.operator.api..",
            "dev.vb365.operator.sync..", "dev.vb365.operator.mapping..", "dev.vb365.operator.controller..",
            "dev.vb365.operator.cli..")).check(PRODUCT);
  }

  @Test
  void theDiffKnowsNeitherKubernetesNorHttp() {
    noClasses().that().resideInAPackage("dev.vb365.operator.sync..").should().dependOnClassesThat()
        .resideInAnyPackage(concat(concat(KUBERNETES, HTTP), "dev.vb365.operator.veeam..", "dev.vb365.operator.feed..",
            "dev.vb365.operator.mapping..", "dev.vb365.operator.controller..", "dev.vb365.operator.cli.."))
        .check(PRODUCT);
  }

  @Test
  void theMappingBetweenWireAndDiffKnowsNoKubernetes() {
    noClasses().that().resideInAPackage("dev.vb365.operator.mapping..").should().dependOnClassesThat()
        .resideInAnyPackage(concat(KUBERNETES, "dev.vb365.operator.controller..", "dev.vb365.operator.cli.."))
        .check(PRODUCT);
  }

  @Test
  void theControllerKnowsNoCommandLine() {
    noClasses().that().resideInAPackage("dev.vb365.operator.controller..").should().dependOnClassesThat()
        .resideInAPackage("dev.vb365.operator.cli..").check(PRODUCT);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.vb365.operator.(*)..").should().beFreeOfCycles().check(PRODUCT);
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = new String[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
