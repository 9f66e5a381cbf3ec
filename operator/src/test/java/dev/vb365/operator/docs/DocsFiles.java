package dev.vb365.operator.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository files the documentation is made from and checked against. */
final class DocsFiles {

  private DocsFiles() {
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

  static Path apiReference() {
    return root().resolve("docs/api-reference.md");
  }

  static Path userGuide() {
    return root().resolve("docs/user-guide.md");
  }

  /** The committed CRDs, crds/*.yml, sorted by file name. */
  static List<ApiReference.Crd> committedCrds() {
    List<ApiReference.Crd> crds = new ArrayList<>();
    try (Stream<Path> files = Files.list(root().resolve("crds"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList()) {
        crds.add(new ApiReference.Crd(f.getFileName().toString(), read(f)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (crds.isEmpty()) {
      throw new IllegalStateException("no CRDs in " + root().resolve("crds"));
    }
    return crds;
  }

  /**
   * The CRDs this build generated (META-INF/fabric8 on the test class path), under the names of the
   * committed ones. With -Dvb365.updateCrds=true these are what crds/ is being rewritten to, perhaps
   * after this test runs, so a refresh of both in one build documents them rather than the old files.
   */
  static List<ApiReference.Crd> generatedCrds() {
    List<ApiReference.Crd> crds = new ArrayList<>();
    for (ApiReference.Crd committed : committedCrds()) {
      try (InputStream in = DocsFiles.class.getResourceAsStream("/META-INF/fabric8/" + committed.file())) {
        if (in == null) {
          throw new IllegalStateException("META-INF/fabric8/" + committed.file() + " is not on the class path: "
              + "run the tests through Maven (the build writes it in process-classes: api.CustomResourceDefinitions)");
        }
        crds.add(new ApiReference.Crd(committed.file(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return crds;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
