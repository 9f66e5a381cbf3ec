package dev.vb365.operator.chaos;

import dev.vb365.operator.api.BackupItemSpec;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobSpec;
import dev.vb365.operator.api.BackupType;
import dev.vb365.operator.api.ConnectionSpec;
import dev.vb365.operator.api.DailyType;
import dev.vb365.operator.api.DeletionPolicy;
import dev.vb365.operator.api.ItemScope;
import dev.vb365.operator.api.ItemType;
import dev.vb365.operator.api.JobItem;
import dev.vb365.operator.api.JobItemSpec;
import dev.vb365.operator.api.JobReference;
import dev.vb365.operator.api.NamedReference;
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
 * What users do to BackupJobs and JobItems during a chaos run, decided by the job's number so that a run is
 * repeatable: create them (a fifth with deletionPolicy Orphan, half with JobItems), then edit items, schedules
 * and names, delete some BackupJobs, add and remove JobItems. Its own writes retry on 409 Conflict, as kubectl
 * users would. What it deleted, and with which policy, is what the invariants check against.
 */
final class Workload {

  static final String ORGANIZATION = "contoso.onmicrosoft.com";
  static final String REPOSITORY = "Default Backup Repository";
  static final String SECRET = "vb365";
  static final List<String> NAMESPACES = List.of("chaos-a", "chaos-b", "chaos-c");

  private final KubernetesClient client;
  private final int jobs;
  /** Deleted BackupJobs ("namespace/name") and their deletion policy. */
  private final Map<String, DeletionPolicy> deleted = new ConcurrentHashMap<>();
  private final Set<String> deletedNames = ConcurrentHashMap.newKeySet();
  /** Deleted BackupJobs whose status named their VB365 job when they were deleted. */
  private final Map<String, String> jobIdAtDeletion = new ConcurrentHashMap<>();
  private long writes;
  private long conflictsRetried;

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
    }
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
