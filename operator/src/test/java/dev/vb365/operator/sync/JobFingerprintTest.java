package dev.vb365.operator.sync;

import dev.vb365.operator.api.DailyType;
import dev.vb365.operator.api.ScheduleType;
import dev.vb365.operator.api.BackupType;
import static dev.vb365.operator.sync.JobFixture.base;
import static dev.vb365.operator.sync.JobFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobFingerprintTest {

  private static final String BASE = JobFingerprint.of(noETag(base()).observed());

  private static JobFixture noETag(JobFixture f) {
    f.eTag = null;
    return f;
  }

  /** Changes a user could make in the VB365 console: each must move the fingerprint. */
  static Stream<Arguments> changes() {
    return Stream.of(
        change("name", f -> f.name = "Finance 2"),
        change("description", f -> f.description = "x"),
        change("backup type", f -> f.backupType = BackupType.EntireOrganization),
        change("repository", f -> f.repositoryId = "00000000-0000-0000-0000-000000000001"),
        change("enabled", f -> f.enabled = false),
        change("daily time", f -> f.schedule = new Schedule(ScheduleType.Daily, DailyType.Workdays,
            LocalTime.of(23, 0), null, 0, null, f.schedule.backupWindow(), Retry.DEFAULT)),
        change("window hour", f -> f.schedule = f.schedule.withBackupWindow(
            BackupWindow.parse(List.of("Mon-Fri 21:00-06:00"), null, null))),
        change("window offset", f -> f.schedule = f.schedule.withBackupWindow(
            f.schedule.backupWindow().withMinuteOffset(60))),
        change("retry", f -> f.schedule = f.schedule.withRetry(new Retry(true, 4, 10))),
        change("an item option", f -> f.excluded = List.of(user("2b38d840-intern", true, true))),
        change("an item more", f -> f.selected.add(user("alice", true, true))),
        change("an item moved to the other list", f -> {
          f.excluded = List.of(f.selected.remove(0), f.excluded.get(0));
        }));
  }

  private static Arguments change(String name, java.util.function.Consumer<JobFixture> change) {
    return Arguments.of(name, (UnaryOperator<JobFixture>) f -> {
      change.accept(f);
      return f;
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void everyManagedChangeMovesTheFingerprint(String name, UnaryOperator<JobFixture> change) {
    assertThat(JobFingerprint.of(noETag(base()).with(change).observed())).isNotEqualTo(BASE);
  }

  @Test
  void orderCaseAndRunStateDoNotMoveIt() {
    JobFixture same = noETag(base());
    Collections.reverse(same.selected);
    same.organizationId = same.organizationId.toUpperCase(Locale.ROOT);
    same.lastStatus = "Failed";
    ObservedJob job = same.observed();
    ObservedJob rerun = new ObservedJob(job.id(), null, job.organizationId(), job.repositoryId(), job.name(),
        job.description(), job.backupType(), job.enabled(), job.schedule(), job.selectedItems().stream()
            .map(i -> new ObservedItem("other-" + i.itemId(), i.item())).toList(),
        job.excludedItems(), "Running", null, null);
    assertThat(JobFingerprint.of(job)).isEqualTo(BASE);
    assertThat(JobFingerprint.of(rerun)).isEqualTo(BASE);
    assertThat(BASE).matches("fp-[0-9a-f]{24}");
  }

  @Test
  void versionStampIsTheETagWhereVb365HasOne() {
    assertThat(base().observed().versionStamp()).isEqualTo("7");
    assertThat(noETag(base()).observed().versionStamp()).isEqualTo(BASE);
  }
}
