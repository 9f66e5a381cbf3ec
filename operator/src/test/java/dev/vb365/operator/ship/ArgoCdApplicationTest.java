package dev.vb365.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The example Application syncs the examples without the traps that delete VB365 jobs. */
class ArgoCdApplicationTest {

  @Test
  void syncsTheExamplesDirectoryWithoutPruningOrCascadingDeletes() throws IOException {
    JsonNode app = RenderedChart.YAML.readTree(RepositoryLayout.examples().resolve("argocd/application.yaml").toFile());

    assertThat(app.path("apiVersion").asText()).isEqualTo("argoproj.io/v1alpha1");
    assertThat(app.path("kind").asText()).isEqualTo("Application");
    JsonNode source = app.path("spec").path("source");
    assertThat(source.path("path").asText()).isEqualTo("examples");
    assertThat(Files.isDirectory(RepositoryLayout.root().resolve(source.path("path").asText()))).isTrue();
    // The Application and the Argo CD test data below examples/argocd are not to be applied.
    assertThat(source.path("directory").path("recurse").asBoolean(true)).isFalse();

    assertThat(app.path("spec").path("syncPolicy").path("automated").path("prune").asBoolean(true)).isFalse();
    assertThat(app.path("metadata").path("finalizers").toString()).doesNotContain("resources-finalizer");
  }
}
