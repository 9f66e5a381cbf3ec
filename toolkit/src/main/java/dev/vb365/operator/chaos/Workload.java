package dev.vb365.operator.chaos;

import dev.vb365.operator.api.BackupCopyJob;
import dev.vb365.operator.api.BackupCopyJobSpec;
import dev.vb365.operator.api.BackupItemSpec;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobSpec;
import dev.vb365.operator.api.BackupType;
import dev.vb365.operator.api.BackupWindowSpec;
import dev.vb365.operator.api.ConnectionSpec;
import dev.vb365.operator.api.CopySchedulePolicySpec;
import dev.vb365.operator.api.CopyScheduleType;
import dev.vb365.operator.api.DailyType;
import dev.vb365.operator.api.DeletionPolicy;
import dev.vb365.operator.api.ItemScope;
import dev.vb365.operator.api.ItemType;
import dev.vb365.operator.api.JobItem;
import dev.vb365.operator.api.JobItemSpec;
import dev.vb365.operator.api.JobReference;
import dev.vb365.operator.api.NamedReference;
import dev.vb365.operator.api.PeriodicInterval;
import dev.vb365.operator.api.SchedulePolicySpec;
import dev.vb365.operator.api.ScheduleType;
import dev.vb365.operator.api.SecretReference;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What users do to BackupJobs, JobItems and BackupCopyJobs during a chaos run, decided by the job's number so that a
 * run is repeatable: create them (a fifth with deletionPolicy Orphan, half with JobItems, a third with a
 * BackupCopyJob to the archive repository), then edit items, schedules and names, edit copy schedules, delete some
 * BackupJobs (with their BackupCopyJobs) and some BackupCopyJobs alone, add and remove JobItems. Its own writes retry
 * on 409 Conflict, as kubectl users would. What it deleted, and with which policy, is what the invariants check
 * against.
 */
final class Workload {

  static final String ORGANIZATION = "contoso.onmicrosoft.com";
  static final String REPOSITORY = "Default Backup Repository";
  /** Where BackupCopyJobs copy to: the simulator's object storage repository with an archive tier. */
  static final String ARCHIVE_REPOSITORY = "Archive Repository";
  static final String SECRET = "vb365";
  static final List<String> NAMESPACES = List.of("chaos-a", "chaos-b", "chaos-c");

  private final KubernetesClient client;
  private final int jobs;
  /** Deleted BackupJobs ("namespace/name") and their deletion policy. */
  private final Map<String, DeletionPolicy> deleted = new ConcurrentHashMap<>();
  private final Set<String> deletedNames = ConcurrentHashMap.newKeySet();
  /** Deleted BackupJobs whose status named their VB365 job when they were deleted. */
  private final Map<String, String> jobIdAtDeletion = new ConcurrentHashMap<>();
  /** Deleted BackupCopyJobs ("namespace/name") and what was known of them then. */
  private final Map<String, DeletedCopy> deletedCopies = new ConcurrentHashMap<>();
  private long writes;
  private long conflictsRetried;
  private long copiesCreated;

  Workload(KubernetesClient client, int jobs) {
    this.client = client;
    this.jobs = jobs;
  }

  static String namespace(int i) {
    return NAMESPACES.get(i % NAMESPACES.size());
  }

  static String name(int i) {
    return String.format("job-%04d", i);
  }

  /** The BackupCopyJob of BackupJob {@code i}, if it has one. */
  static String copyName(int i) {
    return name(i) + "-copy";
  }

  /** Whether BackupJob {@code i} gets a BackupCopyJob: a third of them. */
  static boolean hasCopy(int i) {
    return i % 3 == 0;
  }

  /** The number of a BackupJob by its name (job-0042: 42), or -1. */
  static int number(String name) {
    return name != null && name.matches("job-\\d{4}") ? Integer.parseInt(name.substring(4)) : -1;
  }

  /**
   * A BackupCopyJob the workload deleted.
   *
   * @param policy its deletionPolicy
   * @param copyJobId its status.copyJobId when it was deleted (null: none yet)
   * @param backupJobId the VB365 job of its BackupJob when it was deleted (null: none yet)
   * @param backupJobDeleted the deletionPolicy of its BackupJob if that was deleted with it, else null
   */
  record DeletedCopy(DeletionPolicy policy, String copyJobId, String backupJobId, DeletionPolicy backupJobDeleted) {
  }

  private static String user(int n) {
    return String.format("user%03d@contoso.onmicrosoft.com", Math.floorMod(n, 50) + 1);
  }

  // ---- the steps ---------------------------------------------------------------------------------

  /** The BackupJobs numbered from {@code from} (inclusive) to {@code to}, and the JobItems of every second one. */
  void create(int from, int to) {
    for (int i = from; i < Math.min(to, jobs); i++) {
      BackupJob job = new BackupJob();
      job.setMetadata(new ObjectMetaBuilder().withNamespace(namespace(i)).withName(name(i)).build());
      job.setSpec(spec(i));
      create(job);
      if (i % 2 == 0) {
        create(jobItem(i, "sel", ItemScope.Selected, user(3 * i + 2), true));
      }
      if (i % 4 == 0) {
        create(jobItem(i, "exc", ItemScope.Excluded, "bob@contoso.onmicrosoft.com", false));
      }
      if (hasCopy(i)) {
        BackupCopyJob copy = new BackupCopyJob();
        copy.setMetadata(new ObjectMetaBuilder().withNamespace(namespace(i)).withName(copyName(i)).build());
        copy.setSpec(copySpec(i));
        create(copy);
        copiesCreated++;
      }
    }
  }

  /** Copy schedules moved, copy jobs disabled and enabled again. */
  void editCopies(int from, int to) {
    for (int i = from; i < Math.min(to, jobs); i++) {
      if (!hasCopy(i) || deletedNames.contains(namespace(i) + "/" + name(i))
          || deletedCopies.containsKey(namespace(i) + "/" + copyName(i))) {
        continue;
      }
      if (i % 4 == 0) {
        String time = String.format("%02d:05", i % 24);
        editCopySpec(i, spec -> {
          CopySchedulePolicySpec daily = new CopySchedulePolicySpec();
          daily.setType(CopyScheduleType.Daily);
          daily.setDailyTime(time);
          spec.setSchedulePolicy(daily);
        });
      } else if (i % 4 == 1) {
        editCopySpec(i, spec -> spec.setEnabled(!spec.effectiveEnabled()));
      }
    }
  }

  /** BackupCopyJobs deleted on their own (their BackupJob stays): half with Delete, half with Orphan. */
  void deleteSomeCopies(int from, int to) {
    for (int i = from; i < Math.min(to, jobs); i++) {
      if (hasCopy(i) && i % 10 == 7 && !deletedNames.contains(namespace(i) + "/" + name(i))) {
        deleteCopy(i, null);
      }
    }
  }

  private void deleteCopy(int i, DeletionPolicy backupJobDeleted) {
    BackupJob job = client.resources(BackupJob.class).inNamespace(namespace(i)).withName(name(i)).get();
    BackupCopyJob copy = client.resources(BackupCopyJob.class).inNamespace(namespace(i)).withName(copyName(i)).get();
    deletedCopies.put(namespace(i) + "/" + copyName(i), new DeletedCopy(copyPolicy(i),
        copy == null || copy.getStatus() == null ? null : copy.getStatus().getCopyJobId(),
        job == null || job.getStatus() == null ? null : job.getStatus().getJobId(), backupJobDeleted));
    client.resources(BackupCopyJob.class).inNamespace(namespace(i)).withName(copyName(i)).delete();
    writes++;
  }

  /** Items added and removed, schedules moved. */
  void editItemsAndSchedules(int from, int to) {
    for (int i = from; i < Math.min(to, jobs); i++) {
      if (i % 7 == 1) {
        editSpec(i, spec -> {
          List<BackupItemSpec> items = new ArrayList<>(spec.getSelectedItems());
          items.remove(items.size() - 1);
          items.add(userItem("alice@contoso.onmicrosoft.com", true, true));
          spec.setSelectedItems(items);
        });
      } else if (i % 7 == 2) {
        String time = String.format("%02d:30", i % 24);
        editSpec(i, spec -> spec.getSchedulePolicy().setDailyTime(time));
      }
    }
  }

  /** BackupJobs deleted (with Delete and Orphan policy), with their JobItems. */
  void deleteSome(int from, int to) {
    for (int i = from; i < Math.min(to, jobs); i++) {
      if (i % 10 == 3 || i % 10 == 4 || i % 10 == 5) {
        String key = namespace(i) + "/" + name(i);
        BackupJob before = client.resources(BackupJob.class).inNamespace(namespace(i)).withName(name(i)).get();
        deleted.put(key, policy(i));
        deletedNames.add(key);
        if (before != null && before.getStatus() != null && before.getStatus().getJobId() != null) {
          jobIdAtDeletion.put(key, before.getStatus().getJobId());
        }
        if (hasCopy(i)) {
          // Its BackupCopyJob goes with it (as when a directory of manifests is deleted).
          deleteCopy(i, policy(i));
        }
        client.resources(BackupJob.class).inNamespace(namespace(i)).withName(name(i)).delete();
        writes++;
        for (String suffix : List.of("sel", "exc")) {
          client.resources(JobItem.class).inNamespace(namespace(i)).withName(name(i) + "-" + suffix).delete();
        }
      }
    }
  }

  /** JobItems added and removed, jobs renamed, a spec edited twice in a row. */
  void editJobItemsAndNames(int from, int to) {
    for (int i = from; i < Math.min(to, jobs); i++) {
      if (deletedNames.contains(namespace(i) + "/" + name(i))) {
        continue;
      }
      if (i % 6 == 1) {
        create(jobItem(i, "late", ItemScope.Selected, user(3 * i + 2), false));
      }
      if (i % 8 == 0) {
        client.resources(JobItem.class).inNamespace(namespace(i)).withName(name(i) + "-exc").delete();
        writes++;
      }
      if (i % 9 == 4) {
        editSpec(i, spec -> spec.setJobName(spec.getJobName() + " renamed"));
        editSpec(i, spec -> spec.getSchedulePolicy().setDailyType(DailyType.Workdays));
      }
    }
  }

  /** Keeps work coming: moves the backup time of every twentieth BackupJob (a different set each tick). */
  void churn(int tick) {
    for (int i = Math.floorMod(tick, 20); i < jobs; i += 20) {
      if (!deletedNames.contains(namespace(i) + "/" + name(i))) {
        String time = String.format("%02d:%02d", i % 24, Math.floorMod(tick * 5, 60));
        editSpec(i, spec -> spec.getSchedulePolicy().setDailyTime(time));
      }
    }
  }

  Map<String, DeletionPolicy> deleted() {
    return Map.copyOf(deleted);
  }

  Map<String, DeletedCopy> deletedCopies() {
    return Map.copyOf(deletedCopies);
  }

  /** Whether the workload deleted this BackupCopyJob ("namespace/name"), alone or with its BackupJob. */
  boolean copyDeleted(String key) {
    return deletedCopies.containsKey(key);
  }

  /** BackupCopyJobs created. */
  long copiesCreated() {
    return copiesCreated;
  }

  /** The VB365 job the BackupJob's status named when it was deleted, or null (an Orphan must then keep it). */
  String jobIdAtDeletion(String key) {
    return jobIdAtDeletion.get(key);
  }

  long writes() {
    return writes;
  }

  long conflictsRetried() {
    return conflictsRetried;
  }

  // ---- resources -------------------------------------------------------------------------------

  static DeletionPolicy policy(int i) {
    return i % 5 == 0 ? DeletionPolicy.Orphan : DeletionPolicy.Delete;
  }

  /** Orphan for half of the BackupCopyJobs deleted on their own, else the default (Delete). */
  static DeletionPolicy copyPolicy(int i) {
    return i % 20 == 7 ? DeletionPolicy.Orphan : DeletionPolicy.Delete;
  }

  /** Four kinds of copy schedule (Immediate, Daily on workdays, every 4 hours, daily in a window), some disabled. */
  private static BackupCopyJobSpec copySpec(int i) {
    BackupCopyJobSpec spec = new BackupCopyJobSpec();
    spec.setBackupJobRef(new JobReference(name(i)));
    spec.setRepository(NamedReference.byName(ARCHIVE_REPOSITORY));
    CopySchedulePolicySpec schedule = new CopySchedulePolicySpec();
    switch ((i / 3) % 4) {
      case 0 -> schedule = null; // Immediate, the default
      case 1 -> {
        schedule.setType(CopyScheduleType.Daily);
        schedule.setDailyType(DailyType.Workdays);
        schedule.setDailyTime(String.format("%02d:15", i % 24));
      }
      case 2 -> {
        schedule.setType(CopyScheduleType.Periodically);
        schedule.setPeriodicallyEvery(PeriodicInterval.Hours4);
      }
      default -> {
        schedule.setType(CopyScheduleType.Daily);
        schedule.setDailyTime(String.format("%02d:45", i % 24));
        schedule.setCopyWindow(new BackupWindowSpec(List.of("Everyday 22:00-06:00"), null));
      }
    }
    spec.setSchedulePolicy(schedule);
    if ((i / 3) % 7 == 5) {
      spec.setEnabled(false);
    }
    if (copyPolicy(i) == DeletionPolicy.Orphan) {
      spec.setDeletionPolicy(DeletionPolicy.Orphan);
    }
    return spec;
  }

  private static BackupJobSpec spec(int i) {
    BackupJobSpec spec = new BackupJobSpec();
    spec.setConnection(new ConnectionSpec(new SecretReference(SECRET)));
    spec.setOrganization(NamedReference.byName(ORGANIZATION));
    spec.setRepository(NamedReference.byName(REPOSITORY));
    spec.setJobName(String.format("Chaos %04d", i));
    spec.setDescription("chaos run");
    spec.setBackupType(BackupType.SelectedItems);
    spec.setSelectedItems(new ArrayList<>(List.of(userItem(user(3 * i), true, false),
        userItem(user(3 * i + 1), true, true))));
    SchedulePolicySpec schedule = new SchedulePolicySpec();
    schedule.setType(ScheduleType.Daily);
    schedule.setDailyType(DailyType.Everyday);
    schedule.setDailyTime(String.format("%02d:00", i % 24));
    spec.setSchedulePolicy(schedule);
    spec.setDeletionPolicy(policy(i));
    return spec;
  }

  private static BackupItemSpec userItem(String user, boolean mailbox, boolean oneDrive) {
    BackupItemSpec item = new BackupItemSpec();
    fill(item, user, mailbox, oneDrive);
    return item;
  }

  private static void fill(BackupItemSpec item, String user, boolean mailbox, boolean oneDrive) {
    item.setType(ItemType.User);
    item.setUser(NamedReference.byName(user));
    item.setMailbox(mailbox);
    item.setOneDrive(oneDrive);
  }

  private static JobItem jobItem(int i, String suffix, ItemScope scope, String user, boolean oneDrive) {
    JobItemSpec spec = new JobItemSpec();
    spec.setJobRef(new JobReference(name(i)));
    spec.setScope(scope);
    fill(spec, user, true, oneDrive);
    JobItem item = new JobItem();
    item.setMetadata(new ObjectMetaBuilder().withNamespace(namespace(i)).withName(name(i) + "-" + suffix).build());
    item.setSpec(spec);
    return item;
  }

  private void create(HasMetadata resource) {
    client.resource(resource).create();
    writes++;
  }

  private void editSpec(int i, java.util.function.Consumer<BackupJobSpec> change) {
    edit(client.resources(BackupJob.class).inNamespace(namespace(i)).withName(name(i)), job -> {
      change.accept(job.getSpec());
      return job;
    });
  }

  private void editCopySpec(int i, java.util.function.Consumer<BackupCopyJobSpec> change) {
    edit(client.resources(BackupCopyJob.class).inNamespace(namespace(i)).withName(copyName(i)), copy -> {
      change.accept(copy.getSpec());
      return copy;
    });
  }

  /** An edit as a user makes it: on 409 Conflict read again and retry; a resource that is gone is left alone. */
  <T extends HasMetadata> void edit(Resource<T> resource, UnaryOperator<T> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        if (resource.get() == null) {
          return;
        }
        resource.edit(change);
        writes++;
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return;
        }
        if (e.getCode() != 409 || attempt >= 50) {
          throw e;
        }
        conflictsRetried++;
      }
    }
  }
}
