package dev.vb365.operator.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Files of the repository the tests check: the generated CRDs, their committed copies, the examples. */
final class RepositoryFiles {

  static final List<String> CRD_FILES = List.of("backupjobs.backup.vb365.dev-v1.yml", "jobitems.backup.vb365.dev-v1.yml",
      "backupcopyjobs.backup.vb365.dev-v1.yml");

  private RepositoryFiles() {
  }

  /** The repository root: the first directory upwards holding both pom.xml and operator/pom.xml. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isRegularFile(d.resolve("operator/pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no repository root above " + dir);
  }

  /** Where the committed copies of the CRDs live. */
  static List<Path> crdCopies(String file) {
    Path root = root();
    return List.of(root.resolve("crds").resolve(file), root.resolve("helm/vb365-operator/crds").resolve(file));
  }

  /** The CRD this build generated (CustomResourceDefinitions, in process-classes, before the tests). */
  static String generatedCrd(String file) {
    try (InputStream in = RepositoryFiles.class.getResourceAsStream("/META-INF/fabric8/" + file)) {
      if (in == null) {
        throw new IllegalStateException("META-INF/fabric8/" + file + " is not on the class path: run the tests "
            + "through Maven (the build writes it in process-classes: api.CustomResourceDefinitions)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
