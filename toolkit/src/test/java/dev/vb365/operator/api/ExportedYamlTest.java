package dev.vb365.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.vb365.operator.cli.ExistingJobs;
import dev.vb365.operator.embedded.Vb365Admin;
import dev.vb365.operator.sync.SpecValidation;
import dev.vb365.simulator.Simulator;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `export` prints passes the same checks as examples/: the CRD schema, its CEL rules, the operator's own. */
class ExportedYamlTest {

  @Test
  void everyExportedBackupJobIsValidAgainstTheCrd(@TempDir Path dir) throws Exception {
    try (Simulator simulator = Simulator.start(ExistingJobs.simulatorOptions(dir))) {
      Vb365Admin admin = new Vb365Admin(simulator);
      ExistingJobs.create(admin);
      // A job the operator created once: its ownership marker is bookkeeping, not part of the description.
      admin.createJob(Vb365Admin.object().put("name", "Payroll").put("description",
              "Payroll mailboxes [managed by vb365-operator: hr/payroll]")
          .put("organizationId", admin.organization(ExistingJobs.ORGANIZATION).path("id").asText())
          .put("repositoryId", admin.repository(ExistingJobs.REPOSITORY).path("id").asText())
          .put("backupType", "EntireOrganization"));
      String yaml = ExistingJobs.export(simulator, dir, "--namespace", "legacy", "--connection-secret", "vb365")[0];

      List<JsonNode> documents = new ArrayList<>();
      try (MappingIterator<JsonNode> it = CrdSchema.YAML.readerFor(JsonNode.class).readValues(yaml)) {
        while (it.hasNext()) {
          JsonNode node = it.next();
          if (node != null && !node.isEmpty()) {
            documents.add(node);
          }
        }
      }
      assertThat(documents).hasSize(4);
      // The marker is not part of the description, but who manages the job is said, in a comment.
      assertThat(yaml).contains("description: Payroll mailboxes\n").doesNotContain("[managed by")
          .contains("# note: already managed by vb365-operator: BackupJob hr/payroll");
      CrdSchema crd = CrdSchema.forKind("BackupJob");
      for (JsonNode document : documents) {
        assertThat(document.path("kind").asText()).isEqualTo("BackupJob");
        assertThat(crd.schemaErrors(document)).as("schema errors of " + document).isEmpty();
        assertThat(crd.celFailures(document)).as("CEL rules broken by " + document).isEmpty();
        BackupJob job = Serialization.unmarshal(document.toString(), BackupJob.class);
        assertThat(SpecValidation.of(job.getSpec())).as("operator's validation").isEmpty();
        assertThat(job.getSpec().getJobId()).isNotBlank();
        // YAML 1.1 readers would turn an unquoted 21:00 into a number.
        if (job.getSpec().getSchedulePolicy().getDailyTime() != null) {
          assertThat(yaml).contains("dailyTime: \"" + job.getSpec().getSchedulePolicy().getDailyTime() + "\"");
        }
      }
    }
  }
}
