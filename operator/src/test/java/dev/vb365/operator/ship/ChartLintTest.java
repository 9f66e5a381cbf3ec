package dev.vb365.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

class ChartLintTest {

  @Test
  void strictLintFindsNothingToComplainAbout() {
    LintResult result = new Helm(RepositoryLayout.chart()).lint().strict().call();

    assertThat(result.isFailed()).as("helm lint --strict failed: %s", result.getMessages()).isFalse();
    // Strict lint fails on warnings; informational notes (e.g. "icon is recommended") may remain.
    assertThat(result.getMessages())
        .noneMatch(m -> m.startsWith("[WARNING]") || m.startsWith("[ERROR]"));
  }
}
