package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A selection rule on a 1,000-user tenant (a simulator of its own): what converging costs in VB365 calls. */
class SelectionRulesScaleTest {

  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    harness = OperatorTestHarness.start();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void aThousandUserTenantConvergesWithOneListingAndOneCreate() {
    String org = harness.organizationId();
    for (int i = 0; i < 1000; i++) {
      harness.admin.put("/_sim/directory/" + org + "/users", OperatorTestHarness.json("""
          {"id": "%s", "name": "bulk%04d@contoso.onmicrosoft.com", "type": "%s"}
          """.formatted(String.format("0d0d0d0d-0000-4000-8000-%012d", i), i, i % 10 == 0 ? "Shared" : "User")));
    }
    List<String> shared = harness.directoryUserIds("Shared");
    harness.connectionSecret("bulk");
    harness.resetCounts();
    harness.createBackupJob("bulk", "job", """
        jobName: Bulk shared
        selectedItems:
        - type: User
          match: {userTypes: [Shared]}
        """);
    String jobId = harness.awaitReady("bulk", "job").getStatus().getJobId();
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.userIdsInJob(jobId, "SelectedItems")).isEqualTo(shared).hasSizeGreaterThanOrEqualTo(100);
    Map<String, Long> calls = harness.vb365Calls();
    // More than 1000 users: two pages of the listing (1000 a page), and the create carries every item.
    assertThat(calls.get("GET /v8/Organizations/{organizationId}/Users")).isEqualTo(2L);
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("POST /v8/Jobs", 1L));
    System.out.println("1000-user tenant, Shared rule (" + shared.size() + " mailboxes): VB365 calls " + calls);
  }

}
