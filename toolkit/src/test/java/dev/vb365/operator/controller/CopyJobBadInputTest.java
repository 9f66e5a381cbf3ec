package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vb365.operator.api.BackupCopyJob;
import dev.vb365.operator.api.ConditionTypes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue of BackupCopyJobs: each case a BackupCopyJob sent as raw YAML (the embedded API enforces
 * no schema, as a cluster without CEL would not), asserting the exact reason, a message naming what to fix, no VB365
 * write, and no copy job id in the status; and that a healthy BackupCopyJob beside them becomes Ready.
 */
class CopyJobBadInputTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String NS = "copy-catalogue";
  private static OperatorTestHarness harness;
  private static String otherCopyJob;

  @BeforeAll
  static void start() {
    harness = SharedHarness.get();
    harness.connectionSecret(NS);
    harness.createBackupJob(NS, "job", """
        jobName: Copy catalogue source
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        """);
    harness.createBackupJob(NS, "other", """
        jobName: Copy catalogue other
        selectedItems:
        - type: User
          user: {name: bob@contoso.onmicrosoft.com}
        """);
    harness.awaitReady(NS, "job");
    String other = harness.awaitReady(NS, "other").getStatus().getJobId();
    otherCopyJob = harness.admin.createCopyJob(other, harness.organizationId(),
        "9b8ad165-7e4b-5b46-aa74-7cf1339b2bac");
  }

  static Stream<Arguments> catalogue() {
    String base = "backupJobRef: {name: job}\nrepository: {name: Archive Repository}\n";
    return Stream.of(
        Arguments.of("unknown-schedule-type", base + "schedulePolicy: {type: DailyAtTime}\n", Reasons.INVALID_SPEC,
            "spec.schedulePolicy.type: \"DailyAtTime\" is not one of "),
        Arguments.of("enabled-not-boolean", base + "enabled: sometimes\n", Reasons.INVALID_SPEC,
            "spec.enabled: "),
        Arguments.of("daily-without-time", base + "schedulePolicy: {type: Daily}\n", Reasons.INVALID_SPEC,
            "spec.schedulePolicy.dailyTime: required when type is Daily"),
        Arguments.of("interval-on-immediate", base + "schedulePolicy: {type: Immediate, periodicallyEvery: Hours1}\n",
            Reasons.INVALID_SPEC, "spec.schedulePolicy.periodicallyEvery: applies only when type is Periodically"),
        Arguments.of("window-minutes", base + "schedulePolicy: {type: Immediate, copyWindow: {allow: "
            + "[\"Mon-Fri 20:30-06:00\"]}}\n", Reasons.INVALID_SPEC, "spec.schedulePolicy.copyWindow.allow[0]: "),
        Arguments.of("copy-job-id-not-uuid", base + "copyJobId: nope\n", Reasons.INVALID_SPEC,
            "spec.copyJobId: \"nope\" is not a VB365 id (a UUID)"),
        Arguments.of("no-backup-job-ref", "repository: {name: Archive Repository}\n", Reasons.INVALID_SPEC,
            "spec.backupJobRef.name: required"),
        Arguments.of("repository-name-and-id", "backupJobRef: {name: job}\nrepository: {name: a, id: b}\n",
            Reasons.INVALID_SPEC, "spec.repository: set exactly one of name or id"),
        Arguments.of("unknown-backup-job", "backupJobRef: {name: nosuch}\nrepository: {name: Archive Repository}\n",
            Reasons.BACKUP_JOB_NOT_FOUND, "BackupJob nosuch does not exist in namespace " + NS),
        Arguments.of("unknown-repository", "backupJobRef: {name: job}\nrepository: {name: Nowhere}\n",
            Reasons.REPOSITORY_NOT_FOUND, "spec.repository Nowhere does not exist in VB365"),
        Arguments.of("repository-not-archive", "backupJobRef: {name: job}\nrepository: {name: Default Backup "
            + "Repository}\n", Reasons.REPOSITORY_NOT_ARCHIVE, "repository \"Default Backup Repository\" "
            + "(spec.repository) is not an archive object storage repository"),
        Arguments.of("adopt-unknown-id", base + "copyJobId: 00000000-0000-0000-0000-00000000dead\n",
            Reasons.COPY_JOB_NOT_FOUND, "VB365 has no copy job with id 00000000-0000-0000-0000-00000000dead "
            + "(spec.copyJobId)"),
        Arguments.of("adopt-another-jobs-copy", base + "copyJobId: OTHER\n", Reasons.COPY_JOB_MISMATCH,
            "copy job OTHER (spec.copyJobId) copies VB365 job "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void eachCaseIsNamedAndWritesNothing(String name, String specYaml, String reason, String message) {
    String ns = NS;
    harness.settle(Duration.ofMillis(300));
    Map<String, Long> before = harness.operatorWrites();
    String copyName = "bad-" + name;
    // Only one BackupCopyJob may copy "job": each case is the only one naming it while it runs.
    createRaw(ns, copyName, specYaml.replace("OTHER", otherCopyJob));
    BackupCopyJob refused = harness.awaitCopyCondition(ns, copyName, ConditionTypes.READY, "False", reason);
    String shown = HarnessConditions.message(refused, ConditionTypes.READY);
    assertThat(shown).contains(message.replace("OTHER", otherCopyJob)).doesNotContain("dev.vb365", "Exception");
    assertThat(HarnessConditions.reason(refused, ConditionTypes.SYNCED)).isEqualTo(reason);
    assertThat(refused.getStatus().getCopyJobId()).isNull();
    harness.settle(Duration.ofMillis(300));
    assertThat(harness.operatorWrites()).as("VB365 writes").isEqualTo(before);
    harness.kubernetes.resources(BackupCopyJob.class).inNamespace(ns).withName(copyName).delete();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> harness.getCopyJob(ns, copyName) == null);
  }

  @Test
  void aHealthyOneBesideThemIsReady() {
    harness.createCopyJob(NS, "healthy", "backupJobRef: {name: job}\nrepository: {name: Archive Repository}\n");
    harness.awaitCopyReady(NS, "healthy");
    harness.kubernetes.resources(BackupCopyJob.class).inNamespace(NS).withName("healthy").delete();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> harness.getCopyJob(NS, "healthy") == null);
    assertThat(harness.admin.copyJobs()).extracting(c -> c.path("id").asText())
        .as("the healthy one's copy job is deleted with it; the other BackupJob's stays").contains(otherCopyJob);
  }

  @SuppressWarnings("unchecked")
  private static void createRaw(String namespace, String name, String specYaml) {
    Map<String, Object> spec;
    try {
      spec = YAML.readValue(specYaml, LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GenericKubernetesResource copy = new GenericKubernetesResource();
    copy.setApiVersion("backup.vb365.dev/v1alpha1");
    copy.setKind("BackupCopyJob");
    copy.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    copy.setAdditionalProperty("spec", spec);
    harness.kubernetes.genericKubernetesResources("backup.vb365.dev/v1alpha1", "BackupCopyJob")
        .inNamespace(namespace).resource(copy).create();
  }
}
