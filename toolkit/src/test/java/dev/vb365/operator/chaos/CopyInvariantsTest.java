package dev.vb365.operator.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.operator.api.BackupCopyJob;
import dev.vb365.operator.api.BackupCopyJobSpec;
import dev.vb365.operator.api.BackupCopyJobStatus;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobSpec;
import dev.vb365.operator.api.BackupJobStatus;
import dev.vb365.operator.api.CopySchedulePolicySpec;
import dev.vb365.operator.api.CopyScheduleType;
import dev.vb365.operator.api.DailyType;
import dev.vb365.operator.api.DeletionPolicy;
import dev.vb365.operator.api.JobReference;
import dev.vb365.operator.api.NamedReference;
import dev.vb365.operator.embedded.Sandbox;
import dev.vb365.operator.embedded.Vb365Admin;
import dev.vb365.simulator.SimulatorOptions;
import dev.vb365.simulator.testsupport.DefaultFixture;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chaos run's copy job invariants find what they are there to find (without an operator: the resources carry the
 * statuses it would write): a setting changed in VB365, a copy job gone, a second one, a stray one, and one left by a
 * BackupCopyJob deleted with deletionPolicy Delete; and accept what is as declared.
 */
class CopyInvariantsTest {

  @Test
  void copyJobsAreCheckedAgainstTheBackupCopyJobs() {
    try (Sandbox sandbox = Sandbox.start(SimulatorOptions.defaults())) {
      Vb365Admin admin = new Vb365Admin(sandbox.simulator());
      Invariants invariants = new Invariants(sandbox.client(), admin, "v8");
      String jobId = vb365Job(admin, "Chaos 0003");
      String copyId = admin.createCopyJob(copyBody(jobId).put("isEnabled", true)).path("id").asText();
      backupJob(sandbox, 3, jobId);
      backupCopyJob(sandbox, 3, copyId);

      assertThat(invariants.vb365CopySide(Map.of(), null)).isEmpty();

      admin.editCopyJob(copyId, copyBody(jobId).put("isEnabled", false));
      assertThat(invariants.vb365CopySide(Map.of(), null))
          .containsExactly("BackupCopyJob chaos-a/job-0003-copy: VB365 copy job isEnabled false, spec says true");
      admin.editCopyJob(copyId, copyBody(jobId).put("isEnabled", true).put("repositoryId",
          ConsoleMeddler.OTHER_ARCHIVE_REPOSITORY));
      assertThat(invariants.vb365CopySide(Map.of(), null)).singleElement().asString()
          .startsWith("BackupCopyJob chaos-a/job-0003-copy: VB365 copy job copies to repository b2f7a5c6");
      ObjectNode weekends = copyBody(jobId);
      weekends.putObject("schedulePolicy").put("type", "DailyAtTime").put("dailyType", "Weekends")
          .put("dailyTime", "21:15:00");
      admin.editCopyJob(copyId, weekends);
      assertThat(invariants.vb365CopySide(Map.of(), null)).singleElement().asString()
          .startsWith("BackupCopyJob chaos-a/job-0003-copy: VB365 copy schedule is ");
      admin.editCopyJob(copyId, copyBody(jobId));
      assertThat(invariants.vb365CopySide(Map.of(), null)).isEmpty();

      // Gone, or made again without the status knowing.
      admin.deleteCopyJob(copyId);
      assertThat(invariants.vb365CopySide(Map.of(), null)).singleElement().asString()
          .startsWith("0 VB365 copy jobs copy the job " + jobId + " of BackupCopyJob chaos-a/job-0003-copy");
      String again = admin.createCopyJob(copyBody(jobId)).path("id").asText();
      assertThat(invariants.vb365CopySide(Map.of(), null)).containsExactly("BackupCopyJob chaos-a/job-0003-copy says "
          + "copy job " + copyId + ", VB365's copy job of its job is " + again);
      backupCopyJob(sandbox, 3, again);

      // A copy job of a job no BackupCopyJob copies is a stray, unless the console made it on purpose.
      String other = vb365Job(admin, "Chaos 0004");
      String stray = admin.createCopyJob(copyBody(other)).path("id").asText();
      assertThat(invariants.vb365CopySide(Map.of(), null)).containsExactly("VB365 copy job " + stray + " of job "
          + other + " belongs to no BackupCopyJob and was not made in the console on purpose");

      // A BackupCopyJob deleted with Delete leaves nothing; with Orphan, the copy job its status named.
      admin.deleteCopyJob(stray);
      Map<String, Workload.DeletedCopy> deleted = Map.of("chaos-b/job-0004-copy",
          new Workload.DeletedCopy(DeletionPolicy.Delete, null, other, null));
      assertThat(invariants.vb365CopySide(deleted, null)).isEmpty();
      String left = admin.createCopyJob(copyBody(other)).path("id").asText();
      assertThat(invariants.vb365CopySide(deleted, null)).singleElement().asString().startsWith(
          "BackupCopyJob chaos-b/job-0004-copy was deleted with deletionPolicy Delete and VB365 job " + other
              + " has 1 copy jobs");
      assertThat(invariants.vb365CopySide(Map.of("chaos-b/job-0004-copy",
          new Workload.DeletedCopy(DeletionPolicy.Orphan, left, other, null)), null)).isEmpty();
    }
  }

  private static String vb365Job(Vb365Admin admin, String name) {
    ObjectNode body = Vb365Admin.object().put("name", name).put("organizationId", DefaultFixture.CONTOSO)
        .put("repositoryId", DefaultFixture.DEFAULT_REPOSITORY).put("backupType", "EntireOrganization");
    body.putObject("schedulePolicy").put("type", "ManualOnly");
    return admin.createJob(body).path("id").asText();
  }

  /** Daily on workdays at 21:15 to the archive repository. */
  private static ObjectNode copyBody(String jobId) {
    ObjectNode body = Vb365Admin.object().put("backupJobId", jobId).put("organizationId", DefaultFixture.CONTOSO)
        .put("repositoryId", DefaultFixture.ARCHIVE_REPOSITORY);
    body.putObject("schedulePolicy").put("type", "DailyAtTime").put("dailyType", "Workdays")
        .put("dailyTime", "21:15:00");
    return body;
  }

  private static void backupJob(Sandbox sandbox, int i, String jobId) {
    BackupJob job = new BackupJob();
    job.setMetadata(new ObjectMetaBuilder().withNamespace(Workload.namespace(i)).withName(Workload.name(i)).build());
    BackupJobSpec spec = new BackupJobSpec();
    spec.setJobName(String.format("Chaos %04d", i));
    job.setSpec(spec);
    BackupJob created = sandbox.client().resource(job).create();
    BackupJobStatus status = new BackupJobStatus();
    status.setJobId(jobId);
    created.setStatus(status);
    sandbox.client().resource(created).updateStatus();
  }

  private static void backupCopyJob(Sandbox sandbox, int i, String copyJobId) {
    var resource = sandbox.client().resources(BackupCopyJob.class).inNamespace(Workload.namespace(i))
        .withName(Workload.copyName(i));
    BackupCopyJob copy = resource.get();
    if (copy == null) {
      copy = new BackupCopyJob();
      copy.setMetadata(new ObjectMetaBuilder().withNamespace(Workload.namespace(i)).withName(Workload.copyName(i))
          .build());
      BackupCopyJobSpec spec = new BackupCopyJobSpec();
      spec.setBackupJobRef(new JobReference(Workload.name(i)));
      spec.setRepository(NamedReference.byName(Workload.ARCHIVE_REPOSITORY));
      CopySchedulePolicySpec schedule = new CopySchedulePolicySpec();
      schedule.setType(CopyScheduleType.Daily);
      schedule.setDailyType(DailyType.Workdays);
      schedule.setDailyTime("21:15");
      spec.setSchedulePolicy(schedule);
      copy.setSpec(spec);
      copy = sandbox.client().resource(copy).create();
    }
    BackupCopyJobStatus status = new BackupCopyJobStatus();
    status.setCopyJobId(copyJobId);
    copy.setStatus(status);
    sandbox.client().resource(copy).updateStatus();
  }

}
