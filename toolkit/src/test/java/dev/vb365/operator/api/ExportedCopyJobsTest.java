package dev.vb365.operator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.operator.cli.ExistingJobs;
import dev.vb365.operator.embedded.Vb365Admin;
import dev.vb365.operator.sync.CopyJobSpecMapper;
import dev.vb365.operator.sync.SpecValidation;
import dev.vb365.simulator.ApiVersion;
import dev.vb365.simulator.Simulator;
import dev.vb365.simulator.SimulatorOptions;
import dev.vb365.simulator.testsupport.DefaultFixture;
import io.fabric8.kubernetes.client.utils.Serialization;
import dev.vb365.operator.controller.Conditions;
import dev.vb365.operator.controller.OperatorSettings;
import dev.vb365.operator.controller.Vb365Operator;
import dev.vb365.operator.embedded.ExampleManifests;
import dev.vb365.operator.embedded.Sandbox;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * `export` with backup copy jobs, on v8, v7 and v6: each job's copy job follows its BackupJob as a BackupCopyJob that
 * adopts it (spec.copyJobId) and says what it is (archive repository by name, schedule unless the default, enabled
 * only when false, the export's deletionPolicy); one listing of the copy jobs for the whole export; the copy jobs of
 * jobs not exported are left out; every BackupCopyJob passes the CRD's schema and CEL rules and the operator's checks.
 */
class ExportedCopyJobsTest {

  private static final String LONG_NAME = "Periodic copies of every mailbox of the contoso tenant for the archive";

  @ParameterizedTest
  @EnumSource(value = ApiVersion.class, names = {"V8", "V7", "V6"})
  void eachCopyJobFollowsItsJobAsABackupCopyJobThatAdoptsIt(ApiVersion version, @TempDir Path dir) throws Exception {
    String v = version.name().toLowerCase(Locale.ROOT);
    try (Simulator simulator = Simulator.start(SimulatorOptions.defaults().withApiVersion(version))) {
      Vb365Admin admin = new Vb365Admin(simulator);
      Map<String, String> copies = createJobsAndCopyJobs(admin, v);
      Map<String, Long> before = simulator.requestCounts();

      String[] export = ExistingJobs.export(simulator, dir, "--namespace", "legacy", "--connection-secret", "vb365",
          "--organization", DefaultFixture.CONTOSO_NAME);
      String yaml = export[0];
      Map<String, Long> calls = minus(simulator.requestCounts(), before);

      // One listing of the copy jobs for the whole export, no read per job or per copy job, and no write.
      assertThat(calls).as("calls: " + calls).containsEntry("GET /" + v + "/CopyJobs", 1L)
          .doesNotContainKeys("GET /" + v + "/CopyJobs/{id}", "GET /" + v + "/Jobs/{jobId}/CopyJob");
      assertThat(calls.keySet()).as("writes").noneMatch(k -> k.matches("(POST|PUT|DELETE) /v\\d/.*")
          && !k.endsWith("/token"));
      assertThat(export[1]).contains("Exported 4 job(s) and 3 backup copy job(s).");

      List<JsonNode> documents = documents(yaml);
      assertThat(documents).extracting(d -> d.path("kind").asText() + " " + d.path("metadata").path("name").asText())
          .containsExactly("BackupJob legal", "BackupCopyJob legal-copy", "BackupJob mail", "BackupCopyJob mail-copy",
              "BackupJob no-copy", "BackupJob periodic-copies-of-every-mailbox-of-the-contoso-tenant-for-the",
              "BackupCopyJob periodic-copies-of-every-mailbox-of-the-contoso-tenant-for-copy");
      assertThat(yaml).doesNotContain("Fabrikam").contains(
          "# BackupJobs exported from ", ": 4 jobs and 3 backup copy jobs.\n",
          "# Each BackupCopyJob, after its BackupJob, adopts that job's copy job (spec.copyJobId).\n");

      // What each says, field by field.
      BackupCopyJob legal = copyJob(documents.get(1));
      assertThat(legal.getMetadata().getNamespace()).isEqualTo("legacy");
      assertThat(legal.getSpec().backupJobName()).isEqualTo("legal");
      assertThat(legal.getSpec().getRepository()).isEqualTo(NamedReference.byName("Archive Repository"));
      assertThat(legal.getSpec().getCopyJobId()).isEqualTo(copies.get("Legal"));
      assertThat(legal.getSpec().getDeletionPolicy()).isEqualTo(DeletionPolicy.Orphan);
      assertThat(legal.getSpec().getEnabled()).isNull();
      CopySchedulePolicySpec daily = legal.getSpec().getSchedulePolicy();
      assertThat(daily.getType()).isEqualTo(CopyScheduleType.Daily);
      assertThat(daily.getDailyType()).isEqualTo(DailyType.Workdays);
      assertThat(daily.getDailyTime()).isEqualTo("22:30");
      // The shorter of the two ways to write Mon-Fri nights and weekends all day.
      assertThat(daily.getCopyWindow().getDeny()).containsExactly("Mon-Fri 06:00-20:00");
      assertThat(daily.getCopyWindow().getAllow()).isNull();
      assertThat(yaml).contains("dailyTime: \"22:30\"");

      BackupCopyJob mail = copyJob(documents.get(3));
      assertThat(mail.getSpec().getSchedulePolicy()).as("Immediate at any hour is the default: omitted").isNull();
      assertThat(mail.getSpec().getEnabled()).isFalse();
      assertThat(mail.getSpec().getCopyJobId()).isEqualTo(copies.get("Mail"));

      BackupCopyJob periodic = copyJob(documents.get(6));
      assertThat(periodic.getSpec().backupJobName()).isEqualTo(documents.get(5).path("metadata").path("name").asText());
      assertThat(periodic.getMetadata().getName()).hasSizeLessThanOrEqualTo(63);
      assertThat(periodic.getSpec().getSchedulePolicy().getType()).isEqualTo(CopyScheduleType.Periodically);
      assertThat(periodic.getSpec().getSchedulePolicy().getPeriodicallyEvery()).isEqualTo(PeriodicInterval.Hours4);
      assertThat(periodic.getSpec().getSchedulePolicy().getCopyWindow()).isNull();

      CrdSchema copyCrd = CrdSchema.forKind("BackupCopyJob");
      CrdSchema jobCrd = CrdSchema.forKind("BackupJob");
      for (JsonNode document : documents) {
        if (document.path("kind").asText().equals("BackupCopyJob")) {
          assertThat(copyCrd.schemaErrors(document)).as("schema errors of " + document).isEmpty();
          assertThat(copyCrd.celFailures(document)).as("CEL rules broken by " + document).isEmpty();
          assertThat(CopyJobSpecMapper.validate(copyJob(document).getSpec())).as("operator's validation").isEmpty();
        } else {
          assertThat(jobCrd.schemaErrors(document)).as("schema errors of " + document).isEmpty();
          assertThat(SpecValidation.of(Serialization.unmarshal(document.toString(), BackupJob.class).getSpec()))
              .isEmpty();
        }
      }
    }
  }

  @Test
  void noCopyJobsLeavesThemOutWithoutListingThem(@TempDir Path dir) throws Exception {
    try (Simulator simulator = Simulator.start(SimulatorOptions.defaults())) {
      Vb365Admin admin = new Vb365Admin(simulator);
      createJobsAndCopyJobs(admin, "v8");
      Map<String, Long> before = simulator.requestCounts();
      String[] export = ExistingJobs.export(simulator, dir, "--no-copy-jobs");
      assertThat(minus(simulator.requestCounts(), before)).doesNotContainKey("GET /v8/CopyJobs");
      assertThat(documents(export[0])).hasSize(5).allMatch(d -> d.path("kind").asText().equals("BackupJob"));
      assertThat(export[0]).doesNotContain("copy job");
      assertThat(export[1]).contains("Exported 5 job(s).");
    }
  }

  /**
   * Applied, the export adopts every job and copy job as it is: the only VB365 writes are the BackupJobs' ownership
   * markers (one PUT per job), none to a copy job, and VB365 has the same copy jobs afterwards.
   */
  @Test
  void appliedItAdoptsTheCopyJobsWithoutWritingToThem(@TempDir Path dir) {
    try (Sandbox sandbox = Sandbox.start(SimulatorOptions.defaults())) {
      Vb365Admin admin = new Vb365Admin(sandbox.simulator());
      Map<String, String> copies = createJobsAndCopyJobs(admin, "v8");
      String yaml = ExistingJobs.export(sandbox.simulator(), dir, "--namespace", "legacy", "--connection-secret",
          "vb365")[0];
      sandbox.connectionSecret("legacy", "vb365");
      List<HasMetadata> objects = sandbox.client()
          .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
      assertThat(objects).extracting(HasMetadata::getKind).containsOnly("BackupJob", "BackupCopyJob").hasSize(9);
      Map<String, Long> before = sandbox.simulator().requestCounts();
      objects.forEach(o -> ExampleManifests.apply(sandbox.client(), o));

      try (Vb365Operator operator = Vb365Operator.start(sandbox.client(), OperatorSettings.defaults(),
          new SimpleMeterRegistry())) {
        await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.client().resources(BackupCopyJob.class)
            .inNamespace("legacy").list().getItems().stream().filter(c -> c.getStatus() != null
                && Conditions.isTrueFor(c.getStatus().getConditions(), ConditionTypes.READY,
                c.getMetadata().getGeneration())).count() == 4);
        Map<String, Long> calls = minus(sandbox.simulator().requestCounts(), before);
        assertThat(calls.entrySet().stream().filter(e -> e.getKey().matches("(POST|PUT|DELETE) /v8/.*")
            && !e.getKey().endsWith("/token"))).as("VB365 writes: " + calls)
            .containsExactly(Map.entry("PUT /v8/Jobs/{jobId}", 5L));
        assertThat(sandbox.client().resources(BackupCopyJob.class).inNamespace("legacy").list().getItems())
            .extracting(c -> c.getStatus().getCopyJobId())
            .containsExactlyInAnyOrderElementsOf(copies.values());
        assertThat(admin.copyJobs()).extracting(c -> c.path("id").asText())
            .containsExactlyInAnyOrderElementsOf(copies.values());
      }
    }
  }

  /**
   * Four contoso jobs, three with a copy job (Daily with a window; Immediate and disabled; every 4 hours), and a
   * fabrikam job with one; returns the copy job ids by job name.
   */
  private static Map<String, String> createJobsAndCopyJobs(Vb365Admin admin, String v) {
    String contoso = DefaultFixture.CONTOSO;
    Map<String, String> jobs = new HashMap<>();
    jobs.put("Legal", job(admin, contoso, "Legal", DefaultFixture.ALICE));
    jobs.put("Mail", job(admin, contoso, "Mail", null));
    jobs.put("No copy", job(admin, contoso, "No copy", null));
    jobs.put(LONG_NAME, job(admin, contoso, LONG_NAME, null));
    jobs.put("Fabrikam", job(admin, DefaultFixture.FABRIKAM, "Fabrikam", null));

    Map<String, String> copies = new HashMap<>();
    ObjectNode legal = copyBody(v, jobs.get("Legal"), contoso);
    ObjectNode daily = legal.putObject("schedulePolicy").put("type", "DailyAtTime").put("dailyType", "Workdays")
        .put("dailyTime", "22:30:00").put("backupCopyWindowEnabled", true);
    ArrayNode window = daily.putObject("backupCopyWindowSettings").put("minuteOffset", 0).putArray("backupWindow");
    for (int hour = 0; hour < 168; hour++) {
      int day = hour / 24;
      int h = hour % 24;
      window.add(day >= 1 && day <= 5 ? h >= 20 || h < 6 : true); // Mon-Fri nights, weekends all day
    }
    copies.put("Legal", admin.createCopyJob(legal).path("id").asText());
    ObjectNode mail = copyBody(v, jobs.get("Mail"), contoso).put("isEnabled", false);
    mail.putObject("schedulePolicy").put("type", "Immediate");
    copies.put("Mail", admin.createCopyJob(mail).path("id").asText());
    ObjectNode periodic = copyBody(v, jobs.get(LONG_NAME), contoso);
    periodic.putObject("schedulePolicy").put("type", "Periodically").put("periodicallyEvery", "Hours4");
    copies.put(LONG_NAME, admin.createCopyJob(periodic).path("id").asText());
    ObjectNode fabrikam = copyBody(v, jobs.get("Fabrikam"), DefaultFixture.FABRIKAM);
    copies.put("Fabrikam", admin.createCopyJob(fabrikam).path("id").asText());
    return copies;
  }

  private static String job(Vb365Admin admin, String organization, String name, String user) {
    ObjectNode body = Vb365Admin.object().put("name", name).put("organizationId", organization)
        .put("repositoryId", DefaultFixture.DEFAULT_REPOSITORY);
    if (user == null) {
      body.put("backupType", "EntireOrganization");
    } else {
      body.put("backupType", "SelectedItems").putArray("selectedItems").addObject().put("type", "User")
          .put("mailbox", true).putObject("user").put("id", user);
    }
    body.putObject("schedulePolicy").put("type", "ManualOnly");
    return admin.createJob(body).path("id").asText();
  }

  private static ObjectNode copyBody(String v, String jobId, String organization) {
    ObjectNode body = Vb365Admin.object().put("backupJobId", jobId)
        .put("repositoryId", DefaultFixture.ARCHIVE_REPOSITORY);
    if (v.equals("v8")) {
      body.put("organizationId", organization);
    }
    return body;
  }

  private static BackupCopyJob copyJob(JsonNode document) {
    return Serialization.unmarshal(document.toString(), BackupCopyJob.class);
  }

  private static List<JsonNode> documents(String yaml) throws Exception {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = CrdSchema.YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode node = it.next();
        if (node != null && !node.isEmpty()) {
          documents.add(node);
        }
      }
    }
    return documents;
  }

  private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> out = new java.util.TreeMap<>();
    after.forEach((k, n) -> {
      long d = n - before.getOrDefault(k, 0L);
      if (d != 0) {
        out.put(k, d);
      }
    });
    return out;
  }
}
