package dev.vb365.operator.sync;

import dev.vb365.operator.api.DailyType;
import dev.vb365.operator.api.BackupType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vb365.operator.api.BackupJobSpec;
import dev.vb365.operator.api.JobItemSpec;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecValidationTest {

  private static final String VALID = """
      organization: {name: contoso.onmicrosoft.com}
      repository: {name: Default Backup Repository}
      selectedItems:
      - {type: Group, group: {name: finance@contoso.onmicrosoft.com}}
      """;

  static BackupJobSpec spec(String extra) {
    return SpecYaml.read(VALID + extra, BackupJobSpec.class);
  }

  @Test
  void aValidSpecHasNoErrors() {
    assertThat(SpecValidation.of(spec(""))).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("organization: {name: a, id: b}\n", "spec.organization: set exactly one of name or id"),
        Arguments.of("repository: {}\n", "spec.repository: set exactly one of name or id"),
        Arguments.of("jobName: ' Finance'\n", "spec.jobName: must be 1 to 255 characters without leading"),
        Arguments.of("jobId: not-a-guid\n", "spec.jobId: \"not-a-guid\" is not a VB365 job id"),
        Arguments.of("connection: {secretRef: {name: Bad_Name}}\n", "spec.connection.secretRef.name: \"Bad_Name\""),
        Arguments.of("backupType: EntireOrganization\n", "spec.selectedItems: backupType EntireOrganization backs up"),
        Arguments.of("excludedItems: [{type: User, user: {name: x}, sites: true}]\n",
            "spec.excludedItems[0].sites: applies only to PartialOrganization items, not to User"),
        Arguments.of("schedulePolicy: {type: Daily}\n", "spec.schedulePolicy.dailyTime: required when type is Daily"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void eachRuleNamesItsField(String extra, String expected) {
    List<FieldError> errors = SpecValidation.of(spec(extra));
    assertThat(errors).extracting(FieldError::toString).anySatisfy(e -> assertThat(e).startsWith(expected));
  }

  @Test
  void missingReferencesAreRequired() {
    BackupJobSpec spec = SpecYaml.read("jobName: x\n", BackupJobSpec.class);
    assertThat(SpecValidation.of(spec)).extracting(FieldError::toString)
        .containsExactly("spec.organization: required: {name: ...} or {id: ...}",
            "spec.repository: required: {name: ...} or {id: ...}");
  }

  @Test
  void jobItemRulesAreTheItemRulesPlusItsJob() {
    JobItemSpec ok = SpecYaml.read("""
        jobRef: {name: finance}
        scope: Selected
        type: User
        user: {name: alice@contoso.onmicrosoft.com}
        mailbox: true
        oneDrive: true
        """, JobItemSpec.class);
    assertThat(SpecValidation.of(ok)).isEmpty();
    JobItemSpec bad = SpecYaml.read("{type: Site, site: {url: x}, teamsChats: true}", JobItemSpec.class);
    assertThat(SpecValidation.of(bad)).extracting(FieldError::toString).containsExactly(
        "spec.jobRef.name: required: the name of a BackupJob in this namespace",
        "spec.site.url: \"x\" is not an http(s) URL",
        "spec.teamsChats: applies only to Team and PartialOrganization items, not to Site");
  }

  @Test
  void desiredJobMapperAppliesTheDefaults() {
    BackupJobSpec spec = spec("");
    DesiredItemsMerger.Result items = DesiredItemsMerger.merge(BackupType.SelectedItems, List.of(
        DesiredItemsMerger.Declaration.inline(Scope.Selected, 0, JobFixture.group("g", true))), List.of());
    DesiredJob job = DesiredJobMapper.toDesired("contoso", "finance", spec, "ORG", "REPO", items);
    assertThat(job.name()).isEqualTo("contoso-finance");
    assertThat(job.organizationId()).isEqualTo("org");
    assertThat(job.enabled()).isTrue();
    assertThat(job.backupType()).isEqualTo(BackupType.SelectedItems);
    assertThat(job.schedule()).isEqualTo(Schedule.daily(DailyType.Everyday, LocalTime.of(22, 0)));
    assertThat(job.description()).isEmpty();
    assertThat(job.selectedItems()).containsExactly(JobFixture.group("g", true));

    assertThatThrownBy(() -> DesiredJobMapper.toDesired("contoso", "finance", spec("jobId: x\n"), "o", "r", items))
        .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("spec.jobId:");
  }
}
