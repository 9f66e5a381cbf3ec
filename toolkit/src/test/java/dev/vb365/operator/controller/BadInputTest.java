package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every bad reference and bad Secret becomes a condition a user can act on (Ready and Synced False
 * with the reason), and nothing is written to VB365.
 */
class BadInputTest {

  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    harness = SharedHarness.get();
  }

  private record Case(String namespace, String spec, String reason, String messageContains) {
  }

  @Test
  void eachBadReferenceHasItsReasonAndNothingIsWritten() {
    String org = harness.organizationId();
    long polls = harness.simulator.requestCounts().getOrDefault("GET /v8/Events", 0L);
    harness.admin.createJob(org, harness.repositoryId(), "Taken name",
        harness.admin.userId(org, "bob@contoso.onmicrosoft.com"));
    // The operator's change feed has taken the new job in once it polls again (and a moment after).
    await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(300))
        .until(() -> harness.simulator.requestCounts().getOrDefault("GET /v8/Events", 0L) > polls);
    List<Case> cases = List.of(
        new Case("bad-org", "organization: {name: nope.onmicrosoft.com}", Reasons.ORGANIZATION_NOT_FOUND,
            "nope.onmicrosoft.com"),
        new Case("bad-repo", "repository: {name: No such repository}", Reasons.REPOSITORY_NOT_FOUND,
            "No such repository"),
        new Case("bad-user", """
            selectedItems:
            - type: User
              user: {name: nobody@contoso.onmicrosoft.com}
            """, Reasons.USER_NOT_FOUND, "spec.selectedItems[0]: user"),
        new Case("bad-group", """
            excludedItems:
            - type: Group
              group: {name: nogroup@contoso.onmicrosoft.com}
            """, Reasons.GROUP_NOT_FOUND, "spec.excludedItems[0]"),
        new Case("bad-site", """
            selectedItems:
            - type: Site
              site: {url: https://contoso.sharepoint.com/sites/nope}
            """, Reasons.SITE_NOT_FOUND, "sites/nope"),
        new Case("bad-team", """
            selectedItems:
            - type: Team
              team: {name: No such team}
            """, Reasons.TEAM_NOT_FOUND, "No such team"),
        new Case("bad-name", "jobName: Taken name", Reasons.NAME_CONFLICT, "spec.jobId"),
        new Case("bad-spec", "schedulePolicy: {type: Daily}", Reasons.INVALID_SPEC,
            "spec.schedulePolicy.dailyTime: required when type is Daily"));
    for (Case c : cases) {
      harness.connectionSecret(c.namespace());
    }
    harness.resetCounts();

    for (Case c : cases) {
      harness.createBackupJob(c.namespace(), "job", c.spec());
    }
    for (Case c : cases) {
      BackupJob job = harness.awaitCondition(c.namespace(), "job", ConditionTypes.SYNCED, "False", c.reason());
      Condition ready = OperatorTestHarness.condition(job, ConditionTypes.READY).orElseThrow();
      assertThat(ready.getStatus()).isEqualTo("False");
      assertThat(ready.getReason()).isEqualTo(c.reason());
      assertThat(ready.getMessage()).as(c.namespace()).contains(c.messageContains());
      assertThat(job.getStatus().getObservedGeneration()).isEqualTo(job.getMetadata().getGeneration());
      assertThat(harness.eventReasons(c.namespace(), "job")).contains(c.reason());
    }
    harness.settle(Duration.ofMillis(500));
    assertThat(harness.operatorWrites()).isEmpty();
  }

  @Test
  void eachSecretProblemHasItsReasonAndFixingTheSecretHeals() {
    record SecretCase(String namespace, UnaryOperator<Map<String, String>> change, String reason, String key) {
    }
    List<SecretCase> cases = List.of(
        new SecretCase("secret-no-password", values -> without(values, "password"), Reasons.SECRET_INVALID,
            "key password"),
        new SecretCase("secret-bad-url", values -> with(values, "url", "vb365 at port 4443"), Reasons.SECRET_INVALID,
            "key url"),
        new SecretCase("secret-bad-flag", values -> with(values, "insecureSkipTlsVerify", "yes"),
            Reasons.SECRET_INVALID, "key insecureSkipTlsVerify"),
        new SecretCase("secret-wrong-password", values -> with(values, "password", "wrong-pass-1234"),
            Reasons.UNAUTHORIZED, "credentials"),
        new SecretCase("secret-no-ca", values -> without(values, "ca.crt"), Reasons.TLS_UNTRUSTED, "ca.crt"),
        new SecretCase("secret-unreachable", values -> with(values, "url", "https://127.0.0.1:1"),
            Reasons.SERVER_UNREACHABLE, ""));
    for (SecretCase c : cases) {
      harness.connectionSecret(c.namespace(), OperatorTestHarness.SECRET, c.change());
    }
    harness.resetCounts();
    harness.createBackupJob("secret-missing", "job", "jobName: Secret missing");
    for (SecretCase c : cases) {
      harness.createBackupJob(c.namespace(), "job", "jobName: " + c.namespace());
    }

    BackupJob missing = harness.awaitCondition("secret-missing", "job", ConditionTypes.SYNCED, "False",
        Reasons.SECRET_NOT_FOUND);
    assertThat(OperatorTestHarness.condition(missing, ConditionTypes.READY).orElseThrow().getMessage())
        .contains("secret-missing/vb365");
    for (SecretCase c : cases) {
      BackupJob job = harness.awaitCondition(c.namespace(), "job", ConditionTypes.SYNCED, "False", c.reason());
      String message = OperatorTestHarness.condition(job, ConditionTypes.SYNCED).orElseThrow().getMessage();
      assertThat(message).as(c.namespace()).contains(c.key()).doesNotContain("wrong-pass-1234")
          .doesNotContain(harness.simulator.password());
    }
    assertThat(harness.operatorWrites()).isEmpty();

    // Creating the missing Secret, and fixing a broken one, re-trigger their BackupJobs at once.
    harness.connectionSecret("secret-missing");
    harness.connectionSecret("secret-no-password");
    harness.awaitReady("secret-missing", "job");
    harness.awaitReady("secret-no-password", "job");
  }

  @Test
  void skippingTlsVerificationWorksButShowsInStatusAndAnEvent() {
    harness.connectionSecret("insecure", OperatorTestHarness.SECRET,
        values -> with(without(values, "ca.crt"), "insecureSkipTlsVerify", "true"));

    harness.createBackupJob("insecure", "job", "jobName: Insecure");

    BackupJob job = harness.awaitReady("insecure", "job");
    assertThat(job.getStatus().getTlsVerificationDisabled()).isTrue();
    assertThat(harness.eventReasons("insecure", "job")).contains("TlsVerificationDisabled");
  }

  private static Map<String, String> without(Map<String, String> values, String key) {
    values.remove(key);
    return values;
  }

  private static Map<String, String> with(Map<String, String> values, String key, String value) {
    values.put(key, value);
    return values;
  }
}
