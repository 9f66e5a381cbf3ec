package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.operator.api.BackupItemSpec;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobSpec;
import dev.vb365.operator.api.BackupWindowSpec;
import dev.vb365.operator.api.ItemType;
import dev.vb365.operator.api.NamedReference;
import dev.vb365.operator.api.PeriodicInterval;
import dev.vb365.operator.api.RetrySpec;
import dev.vb365.operator.api.ScheduleType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each kind of spec change costs exactly the VB365 writes it needs, and nothing else writes. */
class EditTest {

  private static final String SPEC = """
      jobName: %s
      description: before
      selectedItems:
      - type: User
        user: {name: alice@contoso.onmicrosoft.com}
      - type: Group
        group: {name: finance@contoso.onmicrosoft.com}
        mailbox: true
        members: true
        memberMailbox: true
      excludedItems:
      - type: User
        user: {name: intern@contoso.onmicrosoft.com}
        mailbox: true
      schedulePolicy:
        type: Daily
        dailyType: Workdays
        dailyTime: "22:00"
        backupWindow: {allow: ["Mon-Fri 20:00-06:00"]}
      """;

  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    harness = SharedHarness.get();
  }

  private static String create(String ns) {
    harness.connectionSecret(ns);
    harness.createBackupJob(ns, "job", SPEC.formatted("Edit " + ns));
    BackupJob job = harness.awaitReady(ns, "job");
    harness.settle(Duration.ofMillis(700));
    harness.resetCounts();
    return job.getStatus().getJobId();
  }

  /** Applies the change, waits for it to be Ready, and returns the VB365 writes it cost. */
  private static Map<String, Long> change(String ns, Consumer<BackupJobSpec> change) {
    harness.editSpec(ns, "job", change);
    BackupJob job = harness.awaitReady(ns, "job");
    harness.settle(Duration.ofMillis(700));
    assertThat(job.getStatus().getLastAppliedETag()).isEqualTo(job.getStatus().getETag());
    assertThat(harness.get(ns, "job").getStatus().getObservedGeneration()).isEqualTo(job.getMetadata().getGeneration());
    Map<String, Long> writes = harness.vb365Writes();
    harness.resetCounts();
    return writes;
  }

  @Test
  void nameAndDescriptionAreOnePut() {
    String jobId = create("name");

    assertThat(change("name", s -> {
      s.setJobName("Renamed");
      s.setDescription("after");
    })).isEqualTo(Map.of("PUT /v8/Jobs/{jobId}", 1L));

    JsonNode job = harness.admin.job(jobId);
    assertThat(job.path("name").asText()).isEqualTo("Renamed");
    assertThat(job.path("description").asText()).isEqualTo("after [managed by vb365-operator: name/job in cluster suite]");
    assertThat(harness.eventReasons("name", "job")).contains("JobUpdated");
  }

  @Test
  void repositoryIsOnePut() {
    String jobId = create("repo");

    assertThat(change("repo", s -> s.setRepository(NamedReference.byName("Long-term Repository"))))
        .isEqualTo(Map.of("PUT /v8/Jobs/{jobId}", 1L));
    assertThat(harness.admin.job(jobId).path("repositoryId").asText())
        .isEqualTo(harness.get("repo", "job").getStatus().getRepositoryId());
  }

  @Test
  void disablingAndEnablingUseTheirOwnCalls() {
    String jobId = create("enabled");

    assertThat(change("enabled", s -> s.setEnabled(false)))
        .isEqualTo(Map.of("POST /v8/Jobs/{jobId}/disable", 1L));
    assertThat(harness.admin.job(jobId).path("isEnabled").asBoolean()).isFalse();
    assertThat(change("enabled", s -> s.setEnabled(true)))
        .isEqualTo(Map.of("POST /v8/Jobs/{jobId}/enable", 1L));
    assertThat(harness.admin.job(jobId).path("isEnabled").asBoolean()).isTrue();
    assertThat(harness.eventReasons("enabled", "job")).contains("JobDisabled", "JobEnabled");
  }

  @Test
  void scheduleDailyToPeriodicallyAndBackAreOnePutEach() {
    String jobId = create("schedule");

    assertThat(change("schedule", s -> {
      s.getSchedulePolicy().setType(ScheduleType.Periodically);
      s.getSchedulePolicy().setDailyType(null);
      s.getSchedulePolicy().setDailyTime(null);
      s.getSchedulePolicy().setPeriodicallyEvery(PeriodicInterval.Hours4);
    })).isEqualTo(Map.of("PUT /v8/Jobs/{jobId}", 1L));
    JsonNode periodic = harness.admin.job(jobId).path("schedulePolicy");
    assertThat(periodic.path("type").asText()).isEqualTo("Periodically");
    assertThat(periodic.path("periodicallyEvery").asText()).isEqualTo("Hours4");

    assertThat(change("schedule", s -> {
      s.getSchedulePolicy().setType(ScheduleType.Daily);
      s.getSchedulePolicy().setPeriodicallyEvery(null);
      s.getSchedulePolicy().setDailyTime("23:30");
    })).isEqualTo(Map.of("PUT /v8/Jobs/{jobId}", 1L));
    JsonNode daily = harness.admin.job(jobId).path("schedulePolicy");
    assertThat(daily.path("type").asText()).isEqualTo("Daily");
    assertThat(daily.path("dailyTime").asText()).isEqualTo("23:30:00");
    assertThat(daily.path("dailyType").asText()).isEqualTo("Everyday");
  }

  @Test
  void backupWindowAndRetryAreOnePutEach() {
    String jobId = create("window");

    assertThat(change("window", s -> s.getSchedulePolicy().setBackupWindow(
        new BackupWindowSpec(List.of("Weekends"), null)))).isEqualTo(Map.of("PUT /v8/Jobs/{jobId}", 1L));
    JsonNode hours = harness.admin.job(jobId).path("schedulePolicy").path("backupWindowSettings").path("backupWindow");
    assertThat(hours.get(0).asBoolean()).isTrue();   // Sunday 00:00
    assertThat(hours.get(24 + 22).asBoolean()).isFalse(); // Monday 22:00

    assertThat(change("window", s -> s.getSchedulePolicy().setRetry(new RetrySpec(true, 5, 30))))
        .isEqualTo(Map.of("PUT /v8/Jobs/{jobId}", 1L));
    JsonNode policy = harness.admin.job(jobId).path("schedulePolicy");
    assertThat(policy.path("retryNumber").asInt()).isEqualTo(5);
    assertThat(policy.path("retryWaitInterval").asInt()).isEqualTo(30);
  }

  @Test
  void itemsAreOneAddOneRemoveAndOneEditPerChangedItem() {
    String jobId = create("items");

    Map<String, Long> writes = change("items", s -> {
      List<BackupItemSpec> selected = new ArrayList<>(s.getSelectedItems());
      selected.remove(0); // alice out
      BackupItemSpec bob = new BackupItemSpec();
      bob.setType(ItemType.User);
      bob.setUser(NamedReference.byName("bob@contoso.onmicrosoft.com"));
      BackupItemSpec site = new BackupItemSpec();
      site.setType(ItemType.Site);
      site.setSite(dev.vb365.operator.api.SiteReference.byUrl("https://contoso.sharepoint.com/sites/hr"));
      selected.add(bob);
      selected.add(site);
      selected.get(0).setMemberOneDrive(true); // the group: one more option
      s.setSelectedItems(selected);
    });

    assertThat(writes).isEqualTo(Map.of(
        "POST /v8/Jobs/{jobId}/SelectedItems", 1L,
        "DELETE /v8/Jobs/{jobId}/SelectedItems", 1L,
        "PUT /v8/Jobs/{jobId}/SelectedItems/{itemId}", 1L));
    List<JsonNode> items = harness.admin.items(jobId, "SelectedItems");
    assertThat(items).extracting(i -> i.path("type").asText()).containsExactlyInAnyOrder("Group", "User", "Site");
    assertThat(items.stream().filter(i -> i.path("type").asText().equals("Group")).findFirst().orElseThrow()
        .path("memberOnedrive").asBoolean()).isTrue();
    assertThat(harness.get("items", "job").getStatus().getSelectedItemCount()).isEqualTo(3);
    assertThat(harness.eventReasons("items", "job")).contains("ItemsAdded", "ItemsRemoved", "ItemEdited");

    assertThat(change("items", s -> s.setExcludedItems(null)))
        .isEqualTo(Map.of("DELETE /v8/Jobs/{jobId}/ExcludedItems", 1L));
    assertThat(harness.admin.items(jobId, "ExcludedItems")).isEmpty();
  }
}
