package dev.vb365.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.sync.FieldError;
import dev.vb365.operator.sync.SpecValidation;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A spec that does not fit the model is read, not refused, and every problem of it is named at once, in the
 * words of the CRD (fields and allowed fields), never a Java class name.
 */
class LenientSpecTest {

  private static BackupJob read(String spec) {
    return Serialization.unmarshal("""
        apiVersion: backup.vb365.dev/v1alpha1
        kind: BackupJob
        metadata: {name: j, namespace: n}
        spec:
        %s""".formatted(spec.indent(2)), BackupJob.class);
  }

  @Test
  void everyProblemIsNamedWithItsPathAndNoClassName() {
    BackupJob job = read("""
        organization: {name: contoso.onmicrosoft.com}
        repository: {name: Default Backup Repository}
        selectedItems:
        - type: Team
          team: {name: Sales, displayName: Sales}
        - type: Mailbox
          user: {name: alice@contoso.onmicrosoft.com}
        schedulePolicy: {type: Daily, dailyTime: "22:00", retry: {count: many}}
        jobname: typo
        """);
    UnreadableSpec unreadable = job.getSpec().unreadable();
    assertThat(unreadable).isNotNull();
    assertThat(unreadable.problems()).extracting(UnreadableSpec.Problem::path).containsExactly(
        "spec.selectedItems[0].team.displayName", "spec.selectedItems[1].type", "spec.schedulePolicy.retry.count",
        "spec.jobname");
    assertThat(unreadable.problems().get(0).problem()).isEqualTo("unknown field; allowed here: id, mail, name");
    assertThat(unreadable.problems().get(1).problem()).startsWith("\"Mailbox\" is not one of ");
    assertThat(unreadable.problems().get(2).problem()).isEqualTo("\"many\" is not a number");
    assertThat(unreadable.problems().get(3).problem()).contains("allowed here: ").contains("jobName");
    List<FieldError> errors = SpecValidation.of(job.getSpec());
    assertThat(errors).hasSize(4);
    assertThat(errors.toString()).doesNotContain("class ", "dev.vb365", "Exception", "unreadable");
  }

  @Test
  void aBackupCopyJobSpecThatDoesNotFitIsNamedToo() {
    BackupCopyJob copy = Serialization.unmarshal("""
        apiVersion: backup.vb365.dev/v1alpha1
        kind: BackupCopyJob
        metadata: {name: c, namespace: n}
        spec:
          backupJobRef: {name: finance}
          repository: {name: Archive Repository}
          schedulePolicy: {type: DailyAtTime}
          enabled: sometimes
        """, BackupCopyJob.class);
    assertThat(copy.getSpec().unreadable().problems()).extracting(UnreadableSpec.Problem::path)
        .containsExactly("spec.schedulePolicy.type", "spec.enabled");
    List<FieldError> errors = dev.vb365.operator.sync.CopyJobSpecMapper.validate(copy.getSpec());
    assertThat(errors.toString()).startsWith("[spec.schedulePolicy.type: \"DailyAtTime\" is not one of ")
        .doesNotContain("class ", "dev.vb365", "Exception");
  }

  @Test
  void theSpecIsWrittenBackAsItWasStored() {
    BackupJob job = read("""
        organization: {name: contoso.onmicrosoft.com}
        jobname: typo
        """);
    assertThat(Serialization.asJson(job)).contains("\"jobname\":\"typo\"");
  }
}
