package dev.vb365.operator.realkube;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository the real-Kubernetes tests use as users do: crds/, examples/, the chart. */
final class Repository {

  private Repository() {
  }

  static Path root() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isRegularFile(d.resolve("operator/pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }

  static Path examples() {
    return root().resolve("examples");
  }

  static Path chart() {
    return root().resolve("helm/vb365-operator");
  }

  static Path invalidExamples() {
    return root().resolve("operator/src/test/resources/invalid-examples");
  }
}
