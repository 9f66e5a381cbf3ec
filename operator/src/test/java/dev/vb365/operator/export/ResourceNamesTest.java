package dev.vb365.operator.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceNamesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Finance|finance",
      "Ad hoc: IT & Finance|ad-hoc-it-finance",
      "Sauvegarde Comptabilité (EU)|sauvegarde-comptabilite-eu",
      "--- |job",
      "日本語|job"})
  void jobNamesBecomeDnsLabels(String jobName, String expected) {
    assertThat(ResourceNames.of(jobName)).isEqualTo(expected);
  }

  @Test
  void longNamesAreCutAndDuplicatesNumbered() {
    Set<String> used = new HashSet<>();
    String longName = "x".repeat(80);
    assertThat(ResourceNames.unique(longName, used)).hasSize(63);
    assertThat(ResourceNames.unique(longName, used)).hasSize(63).endsWith("-2");
    assertThat(ResourceNames.unique("HR", used)).isEqualTo("hr");
    assertThat(ResourceNames.unique("hr", used)).isEqualTo("hr-2");
    assertThat(ResourceNames.unique("H R", used)).isEqualTo("h-r");
  }

  @Test
  void aSuffixIsKeptWholeAndDuplicatesNumbered() {
    Set<String> used = new HashSet<>();
    assertThat(ResourceNames.withSuffix("legal", "-copy", used)).isEqualTo("legal-copy");
    assertThat(ResourceNames.withSuffix("legal", "-copy", used)).isEqualTo("legal-copy-2");
    String longName = "x".repeat(63);
    assertThat(ResourceNames.withSuffix(longName, "-copy", used)).hasSize(63).endsWith("x-copy");
    assertThat(ResourceNames.withSuffix("x".repeat(57) + "-yy", "-copy", used))
        .as("no '--' where the cut falls on a dash").isEqualTo("x".repeat(57) + "-copy");
  }
}
