package dev.vb365.operator.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.operator.api.BackupItemSpec;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.DeletionPolicy;
import dev.vb365.operator.api.ItemScope;
import dev.vb365.operator.api.JobItem;
import dev.vb365.operator.embedded.Vb365Admin;
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
 *       at all (so no duplicate from a lost create).</li>
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
