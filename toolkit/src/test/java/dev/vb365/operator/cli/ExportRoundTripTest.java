package dev.vb365.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.controller.OperatorSettings;
import dev.vb365.operator.controller.Vb365Operator;
import dev.vb365.operator.embedded.ExampleManifests;
import dev.vb365.operator.embedded.Sandbox;
import dev.vb365.operator.embedded.Vb365Admin;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An administrator with existing VB365 jobs: export them, apply the YAML, let the operator reconcile. It must
 * adopt every job (all Ready) without creating a job or changing one: the exported spec is what VB365 has.
 */
class ExportRoundTripTest {

  @Test
  void exportedJobsAreAdoptedWithZeroWrites(@TempDir Path dir) {
    try (Sandbox sandbox = Sandbox.start(ExistingJobs.simulatorOptions(dir))) {
      List<String> ids = ExistingJobs.create(new Vb365Admin(sandbox.simulator()));
      String[] export = ExistingJobs.export(sandbox.simulator(), dir, "--namespace", "legacy",
          "--connection-secret", "vb365");
      String yaml = export[0];
      assertThat(export[1]).contains("Exported 3 job(s)");

      // Names where they are unique, ids where not, the job's id to adopt it.
      assertThat(yaml).contains("name: contoso.onmicrosoft.com", "name: Default Backup Repository",
          "name: alice@contoso.onmicrosoft.com", "name: finance@contoso.onmicrosoft.com",
          "url: https://contoso.sharepoint.com/sites/hr", "name: IT&Finance", "jobName: Legal",
          "jobName: \"Ad hoc: IT & Finance\"", "deletionPolicy: Orphan", "namespace: legacy", "dailyTime: \"21:00\"",
          "- Mon-Fri 06:00-20:00", "enabled: false", "- Scratch");
      assertThat(yaml).containsPattern("# note: team [0-9a-f-]+ is named by id: the name 'Sales' is not unique");
      ids.forEach(id -> assertThat(yaml).contains("jobId: " + id));
      assertThat(yaml).doesNotContain(sandbox.simulator().password() + "\n").doesNotContain("password");

      sandbox.connectionSecret("legacy", "vb365");
      List<HasMetadata> objects = sandbox.client()
          .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
      assertThat(objects).hasSize(3).allSatisfy(o -> assertThat(o.getKind()).isEqualTo("BackupJob"));
      Map<String, Long> before = sandbox.simulator().requestCounts();
      objects.forEach(o -> ExampleManifests.apply(sandbox.client(), o));

      try (Vb365Operator operator = Vb365Operator.start(sandbox.client(), OperatorSettings.defaults(),
          new SimpleMeterRegistry())) {
        await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.client().resources(BackupJob.class)
            .inNamespace("legacy").list().getItems().stream().filter(ExportRoundTripTest::ready).count() == 3);
        Map<String, Long> calls = ApiCallSummary.minus(sandbox.simulator().requestCounts(), before);
        // Applying the export adopts the jobs as they are: the only VB365 write is one PUT per job that appends the
        // ownership marker to its description (one owner per job); no item, schedule or setting changes.
        assertThat(calls.entrySet().stream().filter(e -> ApiCallSummary.isWrite(e.getKey())))
            .as("VB365 writes: " + calls).containsExactly(Map.entry("PUT /v8/Jobs/{jobId}", 3L));
        assertThat(sandbox.client().v1().events().inNamespace("legacy").list().getItems().stream()
            .filter(e -> e.getReason().startsWith("Job") || e.getReason().startsWith("Items")).toList())
            .hasSize(3).allSatisfy(e -> assertThat(e.getReason() + ": " + e.getMessage()).matches(
                "JobUpdated: update settings of job .*: description: VB365 has .*, spec wants .*\\[managed by "
                    + "vb365-op.*"));
        assertThat(sandbox.simulator().jobIds()).extracting(Object::toString).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(sandbox.client().resources(BackupJob.class).inNamespace("legacy").list().getItems())
            .allSatisfy(job -> assertThat(ids).contains(job.getStatus().getJobId()));
      }
    }
  }

  private static boolean ready(BackupJob job) {
    return job.getStatus() != null && job.getStatus().getConditions() != null && job.getStatus().getConditions()
        .stream().anyMatch(c -> ConditionTypes.READY.equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
