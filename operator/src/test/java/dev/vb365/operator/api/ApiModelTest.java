package dev.vb365.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CRD classes read the YAML users write and write the status users read, field names intact. */
class ApiModelTest {

  @Test
  void theFinanceExampleReadsIntoTheModel() {
    BackupJob job = Serialization.unmarshal(
        RepositoryFiles.read(RepositoryFiles.root().resolve("examples/10-backupjob-finance.yaml")), BackupJob.class);
    BackupJobSpec spec = job.getSpec();
    assertThat(job.getMetadata().getNamespace()).isEqualTo("contoso");
    assertThat(spec.getConnection().getSecretRef().getName()).isEqualTo("vb365");
    assertThat(spec.getOrganization()).isEqualTo(NamedReference.byName("contoso.onmicrosoft.com"));
    assertThat(spec.getSelectedItems()).hasSize(2);
    assertThat(spec.getSelectedItems().get(0).getType()).isEqualTo(ItemType.Group);
    assertThat(spec.getSelectedItems().get(0).getMemberMailbox()).isTrue();
    assertThat(spec.getSelectedItems().get(0).getMemberSite()).isNull();
    assertThat(spec.getSelectedItems().get(1).getSite()).isEqualTo(SiteReference.byUrl(
        "https://contoso.sharepoint.com/sites/finance"));
    assertThat(spec.getSchedulePolicy().getBackupWindow().getAllow()).containsExactly("Mon-Fri 20:00-06:00");
    assertThat(spec.getSchedulePolicy().getRetry()).isEqualTo(new RetrySpec(true, 3, 10));
    assertThat(spec.jobIdToAdopt()).isNull();
    assertThat(spec.effectiveDriftPolicy()).isEqualTo(DriftPolicy.Correct);
    assertThat(new BackupJobSpec().effectiveManagementPolicy()).isEqualTo(ManagementPolicy.Managed);
    assertThat(new BackupJobSpec().effectiveDeletionPolicy()).isEqualTo(DeletionPolicy.Delete);
  }

  @Test
  void aJobItemHasTheItemFieldsAtTheTopOfItsSpec() {
    JobItem item = Serialization.unmarshal(
        RepositoryFiles.read(RepositoryFiles.root().resolve("examples/20-jobitem-alice.yaml")), JobItem.class);
    assertThat(item.getSpec().getJobRef().getName()).isEqualTo("finance");
    assertThat(item.getSpec().getUser().getName()).isEqualTo("alice@contoso.onmicrosoft.com");
    assertThat(item.getSpec().getOneDrive()).isTrue();
    assertThat(new JobItemSpec().effectiveScope()).isEqualTo(ItemScope.Selected);
  }

  @Test
  void theFinanceArchiveExampleReadsIntoTheModel() {
    BackupCopyJob copyJob = Serialization.unmarshal(RepositoryFiles.read(
        RepositoryFiles.root().resolve("examples/14-backupcopyjob-finance.yaml")), BackupCopyJob.class);
    BackupCopyJobSpec spec = copyJob.getSpec();
    assertThat(spec.unreadable()).isNull();
    assertThat(spec.backupJobName()).isEqualTo("finance");
    assertThat(spec.getRepository()).isEqualTo(NamedReference.byName("Archive Repository"));
    assertThat(spec.getSchedulePolicy().getType()).isEqualTo(CopyScheduleType.Daily);
    assertThat(spec.getSchedulePolicy().getDailyType()).isEqualTo(DailyType.Everyday);
    assertThat(spec.getSchedulePolicy().getDailyTime()).isEqualTo("23:30");
    assertThat(spec.getSchedulePolicy().getCopyWindow().getAllow()).containsExactly("Everyday 20:00-08:00");
    assertThat(spec.copyJobIdToAdopt()).isNull();
    assertThat(spec.effectiveDeletionPolicy()).isEqualTo(DeletionPolicy.Delete);
  }

  @Test
  void statusSerializesWithTheNamesUsersDependOn() {
    BackupJobStatus status = new BackupJobStatus();
    status.setObservedGeneration(3L);
    status.setJobId("31a66931-b5d3-49f7-bba1-c46db49d3d14");
    status.setETag("42");
    status.setLastAppliedETag("41");
    status.setLastStatus("Success");
    status.setNextRun("2026-11-24T22:00:00Z");
    status.setSelectedItemCount(3);
    status.setConditions(List.of(new ConditionBuilder().withType(ConditionTypes.READY).withStatus("True")
        .withReason("UpToDate").withMessage("").withObservedGeneration(3L)
        .withLastTransitionTime("2026-11-23T10:00:00Z").build()));
    String yaml = Serialization.asYaml(status);
    assertThat(yaml).contains("eTag: \"42\"").contains("lastAppliedETag: \"41\"").contains("observedGeneration: 3")
        .contains("type: \"Ready\"").doesNotContain("etag").doesNotContain("null");
    assertThat(Serialization.unmarshal(yaml, BackupJobStatus.class)).isEqualTo(status);
  }

  @Test
  void namesUsersDependOn() {
    BackupJob job = new BackupJob();
    assertThat(job.getApiVersion()).isEqualTo("backup.vb365.dev/v1alpha1");
    assertThat(job.getKind()).isEqualTo("BackupJob");
    assertThat(job.getPlural()).isEqualTo("backupjobs");
    assertThat(new JobItem().getPlural()).isEqualTo("jobitems");
    assertThat(ConditionTypes.RUN_REQUESTED_AT_ANNOTATION).isEqualTo("backup.vb365.dev/run-requested-at");
  }
}
