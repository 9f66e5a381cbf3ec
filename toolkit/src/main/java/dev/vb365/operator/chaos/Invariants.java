package dev.vb365.operator.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.operator.api.BackupCopyJob;
import dev.vb365.operator.api.BackupItemSpec;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.DeletionPolicy;
import dev.vb365.operator.api.ItemScope;
import dev.vb365.operator.api.JobItem;
import dev.vb365.operator.api.CopyScheduleType;
import dev.vb365.operator.embedded.Vb365Admin;
import dev.vb365.operator.sync.CopyJobSpecMapper;
import dev.vb365.operator.sync.CopySchedule;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What must hold once the faults stop and the operator has caught up, checked against the Kubernetes API and
 * against VB365's own state (the simulator's REST API, not the operator's view of it):
 * <ol>
 *   <li>every BackupJob is Ready=True for its current generation and every JobItem Ready=True;</li>
 *   <li>exactly one VB365 job carries each BackupJob's ownership marker, and it is the one in status.jobId;</li>
 *   <li>its name, schedule and items (selected and excluded, inline and from JobItems, with their
 *       processing options) are exactly as declared;</li>
 *   <li>a BackupJob deleted with deletionPolicy Delete left no job behind; one deleted with Orphan left exactly
 *       one if its status named the job (at most one if it was deleted before that); and VB365 has no other job
 *       at all (so no duplicate from a lost create);</li>
 *   <li>every BackupCopyJob is Ready=True for its current generation; its BackupJob's VB365 job has exactly one copy
 *       job, the one in its status.copyJobId, with the archive repository, enabled state and schedule (type, days,
 *       time, interval, copy window) it declares;</li>
 *   <li>a BackupCopyJob deleted with Delete left no copy job (nor did one whose BackupJob was deleted with Delete:
 *       VB365 deletes a job's copy job with it); one deleted with Orphan, or whose BackupJob was orphaned, left at
 *       most one, and the one its status named unless the console deleted that; and VB365 has no other copy job
 *       but those the console made on purpose (for BackupJobs without a BackupCopyJob).</li>
 * </ol>
 */
final class Invariants {

  private final KubernetesClient client;
  private final Vb365Admin admin;
  private final String v;

  Invariants(KubernetesClient client, Vb365Admin admin, String apiVersion) {
    this.client = client;
    this.admin = admin;
    this.v = "/" + apiVersion;
  }

  /** The Kubernetes side only (cheap): what the operator says about itself. */
  List<String> kubernetesSide(Set<String> deleted) {
    List<String> problems = new ArrayList<>();
    for (String namespace : Workload.NAMESPACES) {
      for (BackupJob job : client.resources(BackupJob.class).inNamespace(namespace).list().getItems()) {
        String key = namespace + "/" + job.getMetadata().getName();
        if (deleted.contains(key)) {
          problems.add("BackupJob " + key + " was deleted but is still there (finalizer not removed)");
          continue;
        }
        Condition ready = job.getStatus() == null || job.getStatus().getConditions() == null ? null
            : job.getStatus().getConditions().stream().filter(c -> ConditionTypes.READY.equals(c.getType()))
                .findFirst().orElse(null);
        if (ready == null || !"True".equals(ready.getStatus())
            || !Objects.equals(job.getMetadata().getGeneration(), job.getStatus().getObservedGeneration())) {
          problems.add("BackupJob " + key + " is not Ready for generation " + job.getMetadata().getGeneration()
              + ": " + (ready == null ? "no Ready condition" : ready.getReason() + ": " + ready.getMessage()
              + " (observed generation " + job.getStatus().getObservedGeneration() + ")"));
        }
      }
      for (JobItem item : client.resources(JobItem.class).inNamespace(namespace).list().getItems()) {
        Condition ready = item.getStatus() == null || item.getStatus().getConditions() == null ? null
            : item.getStatus().getConditions().stream().filter(c -> ConditionTypes.READY.equals(c.getType()))
                .findFirst().orElse(null);
        if (ready == null || !"True".equals(ready.getStatus())
            || item.getStatus().getObservedGeneration() != null
            && !Objects.equals(item.getMetadata().getGeneration(), item.getStatus().getObservedGeneration())) {
          problems.add("JobItem " + namespace + "/" + item.getMetadata().getName() + " is not Ready: "
              + (ready == null ? "no Ready condition" : ready.getReason() + ": " + ready.getMessage()));
        }
      }
    }
    return problems;
  }

  /** The BackupCopyJobs: every one Ready for its generation; those deleted are gone. */
  List<String> kubernetesCopySide(Set<String> deletedCopies) {
    List<String> problems = new ArrayList<>();
    for (String namespace : Workload.NAMESPACES) {
      for (BackupCopyJob copy : client.resources(BackupCopyJob.class).inNamespace(namespace).list().getItems()) {
        String key = namespace + "/" + copy.getMetadata().getName();
        if (deletedCopies.contains(key)) {
          problems.add("BackupCopyJob " + key + " was deleted but is still there (finalizer not removed)");
          continue;
        }
        Condition ready = copy.getStatus() == null || copy.getStatus().getConditions() == null ? null
            : copy.getStatus().getConditions().stream().filter(c -> ConditionTypes.READY.equals(c.getType()))
                .findFirst().orElse(null);
        if (ready == null || !"True".equals(ready.getStatus())
            || !Objects.equals(copy.getMetadata().getGeneration(), copy.getStatus().getObservedGeneration())) {
          problems.add("BackupCopyJob " + key + " is not Ready for generation " + copy.getMetadata().getGeneration()
              + ": " + (ready == null ? "no Ready condition" : ready.getReason() + ": " + ready.getMessage()
              + " (observed generation " + copy.getStatus().getObservedGeneration() + ")"));
        }
      }
    }
    return problems;
  }

  /**
   * VB365's copy jobs against the BackupCopyJobs: one per BackupCopyJob with its settings, what deleted ones left, and
   * none else but those the console made on purpose.
   *
   * @param console the console meddler (what it made and deleted), or null when there was none
   */
  List<String> vb365CopySide(Map<String, Workload.DeletedCopy> deletedCopies, ConsoleMeddler console) {
    List<String> problems = new ArrayList<>();
    List<JsonNode> copies = new ArrayList<>();
    rows(admin.get(v + "/CopyJobs?limit=10000")).forEach(copies::add);
    Map<String, List<JsonNode>> byJob = new HashMap<>();
    for (JsonNode copy : copies) {
      byJob.computeIfAbsent(lower(copy.path("backupJobId").asText()), k -> new ArrayList<>()).add(copy);
    }
    Map<String, BackupJob> jobs = new HashMap<>();
    Set<String> accounted = new java.util.HashSet<>();
    for (String namespace : Workload.NAMESPACES) {
      client.resources(BackupJob.class).inNamespace(namespace).list().getItems()
          .forEach(j -> jobs.put(namespace + "/" + j.getMetadata().getName(), j));
      for (BackupCopyJob copy : client.resources(BackupCopyJob.class).inNamespace(namespace).list().getItems()) {
        String key = namespace + "/" + copy.getMetadata().getName();
        if (deletedCopies.containsKey(key)) {
          continue;
        }
        BackupJob job = jobs.get(namespace + "/" + copy.getSpec().backupJobName());
        String jobId = job == null || job.getStatus() == null ? null : job.getStatus().getJobId();
        if (jobId == null) {
          problems.add("BackupCopyJob " + key + ": its BackupJob " + copy.getSpec().backupJobName()
              + " has no VB365 job");
          continue;
        }
        List<JsonNode> ours = byJob.getOrDefault(lower(jobId), List.of());
        ours.forEach(c -> accounted.add(lower(c.path("id").asText())));
        if (ours.size() != 1) {
          problems.add(ours.size() + " VB365 copy jobs copy the job " + jobId + " of BackupCopyJob " + key + ": "
              + ours.stream().map(c -> c.path("id").asText()).toList());
          continue;
        }
        problems.addAll(compareCopy(key, copy, ours.get(0)));
      }
    }
    for (Map.Entry<String, Workload.DeletedCopy> gone : deletedCopies.entrySet()) {
      Workload.DeletedCopy d = gone.getValue();
      String jobId = d.backupJobId();
      if (jobId == null) {
        // Deleted before its BackupJob had a VB365 job: the BackupJob's job now, if it is still there.
        String name = gone.getKey().replaceFirst("-copy$", "");
        BackupJob job = d.backupJobDeleted() == null ? jobs.get(name) : null;
        jobId = job == null || job.getStatus() == null ? null : job.getStatus().getJobId();
      }
      if (jobId == null) {
        continue; // the BackupJob never had a job: nothing to copy, nothing left (a stray would be found below)
      }
      List<JsonNode> left = byJob.getOrDefault(lower(jobId), List.of());
      left.forEach(c -> accounted.add(lower(c.path("id").asText())));
      boolean none = d.backupJobDeleted() == DeletionPolicy.Delete
          || d.backupJobDeleted() == null && d.policy() == DeletionPolicy.Delete;
      boolean kept = d.copyJobId() == null || console != null && console.deleted(d.copyJobId())
          || left.stream().anyMatch(c -> c.path("id").asText().equalsIgnoreCase(d.copyJobId()));
      boolean ok = none ? left.isEmpty() : left.size() <= 1 && (d.backupJobDeleted() != null || kept);
      if (!ok) {
        problems.add("BackupCopyJob " + gone.getKey() + " was deleted with deletionPolicy " + d.policy()
            + (d.backupJobDeleted() == null ? "" : " along with its BackupJob (deletionPolicy "
            + d.backupJobDeleted() + ")") + (d.copyJobId() == null ? "" : " after its status named copy job "
            + d.copyJobId()) + " and VB365 job " + jobId + " has " + left.size() + " copy jobs: "
            + left.stream().map(c -> c.path("id").asText()).toList());
      }
    }
    Set<String> madeOnPurpose = console == null ? Set.of() : console.madeFor();
    for (JsonNode copy : copies) {
      String id = lower(copy.path("id").asText());
      if (!accounted.contains(id) && !madeOnPurpose.contains(lower(copy.path("backupJobId").asText()))) {
        problems.add("VB365 copy job " + copy.path("id").asText() + " of job " + copy.path("backupJobId").asText()
            + " belongs to no BackupCopyJob and was not made in the console on purpose");
      }
    }
    return problems;
  }

  private List<String> compareCopy(String key, BackupCopyJob copy, JsonNode vb365) {
    List<String> problems = new ArrayList<>();
    String id = vb365.path("id").asText();
    String status = copy.getStatus() == null ? null : copy.getStatus().getCopyJobId();
    if (!id.equalsIgnoreCase(String.valueOf(status))) {
      problems.add("BackupCopyJob " + key + " says copy job " + status + ", VB365's copy job of its job is " + id);
    }
    if (!ConsoleMeddler.ARCHIVE_REPOSITORY_ID.equalsIgnoreCase(vb365.path("repositoryId").asText())) {
      problems.add("BackupCopyJob " + key + ": VB365 copy job copies to repository "
          + vb365.path("repositoryId").asText() + ", spec says " + Workload.ARCHIVE_REPOSITORY);
    }
    if (copy.getSpec().effectiveEnabled() != vb365.path("isEnabled").asBoolean()) {
      problems.add("BackupCopyJob " + key + ": VB365 copy job isEnabled " + vb365.path("isEnabled").asBoolean()
          + ", spec says " + copy.getSpec().effectiveEnabled());
    }
    CopySchedule want = CopyJobSpecMapper.schedule(copy.getSpec().getSchedulePolicy());
    JsonNode have = vb365.path("schedulePolicy");
    String wantType = switch (want.type()) {
      case Immediate -> "Immediate";
      case Periodically -> "Periodically";
      case Daily -> "DailyAtTime";
    };
    boolean same = wantType.equals(have.path("type").asText())
        && (want.type() != CopyScheduleType.Daily || want.dailyType().name().equals(have.path("dailyType").asText())
            && (want.dailyTime() + ":00").equals(have.path("dailyTime").asText()))
        && (want.type() != CopyScheduleType.Periodically
            || want.periodicallyEvery().name().equals(have.path("periodicallyEvery").asText()))
        && (want.window() != null) == have.path("backupCopyWindowEnabled").asBoolean(false)
        && (want.window() == null || hours(have.path("backupCopyWindowSettings").path("backupWindow"))
            .equals(want.window().toHours()));
    if (!same) {
      problems.add("BackupCopyJob " + key + ": VB365 copy schedule is " + have + ", spec says " + want);
    }
    return problems;
  }

  private static List<Boolean> hours(JsonNode flags) {
    List<Boolean> out = new ArrayList<>();
    flags.forEach(f -> out.add(f.asBoolean()));
    return out;
  }

  private static String lower(String id) {
    return id == null ? "" : id.toLowerCase(java.util.Locale.ROOT);
  }

  /** VB365 against the declared state: jobs, names, schedules, items, deletions. */
  List<String> vb365Side(Map<String, DeletionPolicy> deleted,
      java.util.function.Function<String, String> jobIdAtDeletion) {
    List<String> problems = new ArrayList<>();
    Map<String, List<JsonNode>> byOwner = new HashMap<>();
    List<JsonNode> all = new ArrayList<>();
    rows(admin.get(v + "/Jobs?limit=10000")).forEach(all::add);
    for (JsonNode job : all) {
      String description = job.path("description").asText("");
      String owner = dev.vb365.operator.controller.OwnershipMarker.owner(description)
          .map(o -> o.namespace() + "/" + o.name()).orElse("(no marker)");
      byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(job);
    }
    int expectedJobs = 0;
    for (String namespace : Workload.NAMESPACES) {
      List<JobItem> items = client.resources(JobItem.class).inNamespace(namespace).list().getItems();
      for (BackupJob job : client.resources(BackupJob.class).inNamespace(namespace).list().getItems()) {
        String key = namespace + "/" + job.getMetadata().getName();
        if (deleted.containsKey(key)) {
          continue;
        }
        expectedJobs++;
        List<JsonNode> ours = byOwner.getOrDefault(key, List.of());
        if (ours.size() != 1) {
          problems.add(ours.size() + " VB365 jobs carry the marker of BackupJob " + key + ": "
              + ours.stream().map(j -> j.path("id").asText() + " \"" + j.path("name").asText() + "\"").toList());
          continue;
        }
        problems.addAll(compare(key, job, ours.get(0), items));
      }
    }
    for (Map.Entry<String, DeletionPolicy> gone : deleted.entrySet()) {
      int left = byOwner.getOrDefault(gone.getKey(), List.of()).size();
      expectedJobs += left;
      // Orphan keeps the job, released (no marker, counted above) or, when the release failed, still marked: at
      // most one either way.
      String kept = jobIdAtDeletion.apply(gone.getKey());
      boolean ok = gone.getValue() == DeletionPolicy.Delete ? left == 0 : left <= 1
          && (kept == null || all.stream().anyMatch(j -> kept.equals(j.path("id").asText())));
      if (!ok) {
        problems.add("BackupJob " + gone.getKey() + " was deleted with deletionPolicy " + gone.getValue()
            + (jobIdAtDeletion.apply(gone.getKey()) != null ? " after its status named VB365 job "
            + jobIdAtDeletion.apply(gone.getKey()) : "") + " and left " + left
            + " VB365 jobs");
      }
    }
    // Orphan hands a job back without its marker; at most one per BackupJob deleted with Orphan.
    int unmarked = byOwner.getOrDefault("(no marker)", List.of()).size();
    long orphaned = deleted.values().stream().filter(p -> p == DeletionPolicy.Orphan).count();
    if (unmarked > orphaned) {
      problems.add(unmarked + " VB365 jobs carry no ownership marker, but only " + orphaned + " BackupJobs were "
          + "deleted with deletionPolicy Orphan");
    }
    expectedJobs += unmarked;
    if (all.size() != expectedJobs) {
      problems.add("VB365 has " + all.size() + " jobs, expected " + expectedJobs);
    }
    return problems;
  }

  private List<String> compare(String key, BackupJob job, JsonNode vb365, List<JobItem> jobItems) {
    List<String> problems = new ArrayList<>();
    String id = vb365.path("id").asText();
    if (!id.equals(job.getStatus() == null ? null : job.getStatus().getJobId())) {
      problems.add("BackupJob " + key + " says job " + (job.getStatus() == null ? null : job.getStatus().getJobId())
          + ", VB365's job with its marker is " + id);
    }
    var spec = job.getSpec();
    if (!spec.getJobName().equals(vb365.path("name").asText())) {
      problems.add("BackupJob " + key + ": VB365 job is named \"" + vb365.path("name").asText() + "\", spec says \""
          + spec.getJobName() + "\"");
    }
    JsonNode schedule = vb365.path("schedulePolicy");
    String time = spec.getSchedulePolicy().getDailyTime() + ":00";
    if (!spec.getSchedulePolicy().getDailyType().name().equals(schedule.path("dailyType").asText())
        || !time.equals(schedule.path("dailyTime").asText())) {
      problems.add("BackupJob " + key + ": VB365 schedule is " + schedule.path("dailyType").asText() + " "
          + schedule.path("dailyTime").asText() + ", spec says " + spec.getSchedulePolicy().getDailyType() + " "
          + time);
    }
    Set<String> selected = new TreeSet<>();
    Set<String> excluded = new TreeSet<>();
    spec.getSelectedItems().forEach(i -> selected.add(declared(i)));
    if (spec.getExcludedItems() != null) {
      spec.getExcludedItems().forEach(i -> excluded.add(declared(i)));
    }
    for (JobItem item : jobItems) {
      if (job.getMetadata().getName().equals(item.getSpec().getJobRef().getName())) {
        (item.getSpec().effectiveScope() == ItemScope.Excluded ? excluded : selected).add(declared(item.getSpec()));
      }
    }
    Set<String> selectedInVb365 = observed(id, "SelectedItems");
    Set<String> excludedInVb365 = observed(id, "ExcludedItems");
    if (!selected.equals(selectedInVb365)) {
      problems.add("BackupJob " + key + ": VB365 selects " + selectedInVb365 + ", declared " + selected);
    }
    if (!excluded.equals(excludedInVb365)) {
      problems.add("BackupJob " + key + ": VB365 excludes " + excludedInVb365 + ", declared " + excluded);
    }
    return problems;
  }

  private static String declared(BackupItemSpec item) {
    return item.getType() + " " + item.getUser().getName().toLowerCase(java.util.Locale.ROOT) + " mailbox="
        + Boolean.TRUE.equals(item.getMailbox()) + " oneDrive=" + Boolean.TRUE.equals(item.getOneDrive());
  }

  private Set<String> observed(String jobId, String list) {
    Set<String> items = new TreeSet<>();
    JsonNode answer = admin.get(v + "/Jobs/" + jobId + "/" + list + "?limit=10000");
    for (JsonNode item : rows(answer)) {
      items.add(item.path("type").asText() + " " + item.path("user").path("name").asText().toLowerCase(
          java.util.Locale.ROOT) + " mailbox=" + item.path("mailbox").asBoolean(false) + " oneDrive="
          + item.path("oneDrive").asBoolean(false));
    }
    return items;
  }

  /** A list answer: an array (v6) or a page with its rows under "results". */
  private static JsonNode rows(JsonNode answer) {
    return answer.isArray() ? answer : answer.path("results");
  }
}
