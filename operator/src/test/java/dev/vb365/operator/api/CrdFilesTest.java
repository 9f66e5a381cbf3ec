package dev.vb365.operator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRD YAML users apply (crds/ and the Helm chart's crds/) must be exactly what the build
 * generates from the classes in this package; otherwise the build fails. To refresh both copies
 * after changing the classes:
 *
 * <pre>mvn -B -pl operator -am verify -Dvb365.updateCrds=true</pre>
 */
class CrdFilesTest {

  static final String REFRESH = "mvn -B -pl operator -am verify -Dvb365.updateCrds=true";

  static Iterable<String> crdFiles() {
    return RepositoryFiles.CRD_FILES;
  }

  @ParameterizedTest
  @MethodSource("crdFiles")
  void committedCopiesAreTheGeneratedCrd(String file) throws IOException {
    String generated = RepositoryFiles.generatedCrd(file);
    for (Path copy : RepositoryFiles.crdCopies(file)) {
      if (Boolean.getBoolean("vb365.updateCrds")) {
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, generated);
      }
      Path shown = RepositoryFiles.root().relativize(copy);
      if (!Files.exists(copy)) {
        fail(shown + " is missing. Generate it with: " + REFRESH);
      }
      String committed = RepositoryFiles.read(copy);
      if (!committed.equals(generated)) {
        fail(shown + " is stale: it differs from the CRD generated from dev.vb365.operator.api ("
            + firstDifference(committed, generated) + "). Refresh crds/ and helm/vb365-operator/crds/ with: "
            + REFRESH);
      }
    }
    assertThat(generated).contains("group: \"backup.vb365.dev\"").contains("name: \"v1alpha1\"");
  }

  private static String firstDifference(String committed, String generated) {
    String[] a = committed.split("\n", -1);
    String[] b = generated.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String left = i < a.length ? a[i] : "<end of file>";
      String right = i < b.length ? b[i] : "<end of file>";
      if (!left.equals(right)) {
        return "line " + (i + 1) + ": committed \"" + left.trim() + "\", generated \"" + right.trim() + "\"";
      }
    }
    return "line endings";
  }
}
