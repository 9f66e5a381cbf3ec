package dev.vb365.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The production artifact is the operator only: no VB365 simulator, no mock Kubernetes API or web server, no demo,
 * bench, chaos or embedded API (those are toolkit/target/vb365-toolkit.jar). Runs after `package` (failsafe).
 */
class ProductionJarIT {

  private static final List<String> TOOLS = List.of("dev/vb365/simulator/", "dev/vb365/operator/embedded/",
      "dev/vb365/operator/chaos/", "dev/vb365/operator/cli/Demo", "dev/vb365/operator/cli/Bench",
      "dev/vb365/operator/cli/Chaos", "dev/vb365/operator/cli/Toolkit", "io/fabric8/mockwebserver/",
      "io/fabric8/kubernetes/client/server/mock/", "examples/", "default-fixture.json");

  @Test
  void theOperatorJarHoldsNoTool() throws IOException {
    Path jar = Path.of(System.getProperty("vb365.operator.jar", "target/vb365-operator.jar"));
    assertThat(jar).exists();
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> names = file.stream().map(ZipEntry::getName).toList();
      assertThat(names).as("the operator's own classes").contains(
          "dev/vb365/operator/controller/BackupJobReconciler.class", "dev/vb365/operator/cli/Main.class");
      assertThat(names).as("tool classes or test servers in the production jar")
          .noneMatch(n -> TOOLS.stream().anyMatch(n::startsWith));
      System.out.printf("operator jar: %.1f MB, %d entries%n", Files.size(jar) / 1048576.0, names.size());
    }
  }
}
