package dev.vb365.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The canonical health scripts live in examples/argocd (upstream Argo CD layout, next to their
 * tests). Helm can only read files inside the chart, so the chart carries copies; they must not drift.
 */
class HealthScriptCopiesTest {

  @ParameterizedTest
  @ValueSource(strings = {"BackupJob", "JobItem", "BackupCopyJob"})
  void chartCopyIsIdenticalToTheExample(String kind) throws IOException {
    Path canonical = RepositoryLayout.healthChecks().resolve(kind).resolve("health.lua");
    Path copy = RepositoryLayout.chart().resolve("files/argocd-health").resolve(kind + ".lua");

    assertThat(Files.mismatch(canonical, copy))
        .as("%s differs from %s; run: cp %s %s", copy, canonical,
            RepositoryLayout.root().relativize(canonical), RepositoryLayout.root().relativize(copy))
        .isEqualTo(-1L);
  }
}
