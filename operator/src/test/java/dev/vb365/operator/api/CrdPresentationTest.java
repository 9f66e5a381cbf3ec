package dev.vb365.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What kubectl shows of the generated CRDs before any field: the columns of `kubectl get` (Age last, as for every
 * built-in kind) and the descriptions `kubectl explain backupjob` and `kubectl explain backupjob.spec` start with.
 */
class CrdPresentationTest {

  @Test
  void backupJobColumnsAreTheConditionsThenTheRunsThenAge() throws IOException {
    assertThat(columns("backupjobs.backup.vb365.dev-v1.yml", false))
        .containsExactly("Ready", "Synced", "Drifted", "Last Status", "Last Backup", "Next Run", "Age");
    assertThat(columns("backupjobs.backup.vb365.dev-v1.yml", true))
        .containsExactly("Ready", "Synced", "Drifted", "Reason", "Job ID", "Last Status", "Last Backup", "Next Run",
            "Age");
  }

  @Test
  void jobItemColumnsEndWithAge() throws IOException {
    assertThat(columns("jobitems.backup.vb365.dev-v1.yml", true))
        .containsExactly("Job", "Scope", "Type", "Ready", "Reason", "Item ID", "Age");
  }

  @Test
  void theKindItsSpecAndItsStatusAreDescribed() throws IOException {
    for (String file : RepositoryFiles.CRD_FILES) {
      JsonNode schema = crd(file).at("/spec/versions/0/schema/openAPIV3Schema");
      assertThat(schema.path("description").asText()).as(file + ": the kind").hasSizeGreaterThan(80);
      assertThat(schema.at("/properties/spec/description").asText()).as(file + ": spec").hasSizeGreaterThan(40);
      assertThat(schema.at("/properties/status/description").asText()).as(file + ": status")
          .startsWith("Written by the operator");
    }
  }

  private static List<String> columns(String file, boolean wide) throws IOException {
    List<String> names = new ArrayList<>();
    for (JsonNode column : crd(file).at("/spec/versions/0/additionalPrinterColumns")) {
      if (wide || column.path("priority").asInt() == 0) {
        names.add(column.path("name").asText());
      }
    }
    return names;
  }

  private static JsonNode crd(String file) throws IOException {
    return CrdSchema.YAML.readTree(RepositoryFiles.generatedCrd(file));
  }
}
