package dev.vb365.operator.ship;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shipped artefacts live in the repository, found from the test's working directory. */
public final class RepositoryLayout {

  private static final Path ROOT = findRoot();

  private RepositoryLayout() {
  }

  static Path root() {
    return ROOT;
  }

  static Path chart() {
    return ROOT.resolve("helm/vb365-operator");
  }

  static Path examples() {
    return ROOT.resolve("examples");
  }

  public static Path healthChecks() {
    return ROOT.resolve("examples/argocd/resource_customizations/backup.vb365.dev");
  }

  // Surefire runs in operator/, an IDE may run in the root: walk up to the directory with the chart.
  private static Path findRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("helm/vb365-operator/Chart.yaml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "helm/vb365-operator/Chart.yaml not found above " + Path.of("").toAbsolutePath());
  }
}
