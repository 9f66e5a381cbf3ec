package dev.vb365.operator.export;

import dev.vb365.operator.api.BackupCopyJob;
import dev.vb365.operator.api.BackupCopyJobSpec;
import dev.vb365.operator.api.BackupItemSpec;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobSpec;
import dev.vb365.operator.api.ConnectionSpec;
import dev.vb365.operator.api.CopyScheduleType;
import dev.vb365.operator.api.DeletionPolicy;
import dev.vb365.operator.api.JobReference;
import dev.vb365.operator.api.NamedReference;
import dev.vb365.operator.api.SecretReference;
import dev.vb365.operator.api.SiteReference;
import dev.vb365.operator.api.TeamReference;
import dev.vb365.operator.controller.OwnershipMarker;
import dev.vb365.operator.mapping.CopyJobMapping;
import dev.vb365.operator.mapping.ItemMapping;
import dev.vb365.operator.mapping.JobMapping;
import dev.vb365.operator.mapping.UnreadableJobException;
import dev.vb365.operator.sync.BackupItem;
import dev.vb365.operator.api.BackupType;
import dev.vb365.operator.sync.CopySchedule;
import dev.vb365.operator.sync.CopyJobSpecMapper;
import dev.vb365.operator.sync.ItemKey;
import dev.vb365.operator.sync.ItemSpecMapper;
import dev.vb365.operator.sync.ObservedItem;
import dev.vb365.operator.sync.ObservedCopyJob;
import dev.vb365.operator.sync.ObservedJob;
import dev.vb365.operator.sync.SchedulePolicyMapper;
import dev.vb365.operator.sync.SpecValidation;
import dev.vb365.operator.veeam.AmbiguousMatchException;
import dev.vb365.operator.veeam.ItemScope;
import dev.vb365.operator.veeam.NotFoundException;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.model.CopyJob;
import dev.vb365.operator.veeam.model.Job;
import dev.vb365.operator.veeam.model.JobItem;
import dev.vb365.operator.veeam.model.Organization;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns the jobs a VB365 server has into BackupJobs that adopt them: `spec.jobId` names the job, so
 * applying the result takes the jobs over instead of creating copies, and every other field says what
 * the job is today, so the first reconcile finds nothing to change. Objects are named the way people
 * write them (organization and repository names, user UPNs, group names, site URLs, team names) when
 * that name finds exactly this object with the operator's own lookup; otherwise by id, with a note.
 *
 * <p>A job that has a backup copy job (VB365 allows one per job) is followed by a BackupCopyJob that adopts it
 * (`spec.copyJobId`) and says what it is today (archive repository, schedule, enabled). The copy jobs are listed
 * once for the whole export, not per job; those of jobs that are not exported are left out.
 */
public final class JobExporter {

  /**
   * @param organization only the jobs of this organization (name or id); null: all
   * @param namespace metadata.namespace of every BackupJob; null: none (kubectl apply -n decides)
   * @param connectionSecret spec.connection.secretRef.name; null: the operator's default connection
   * @param deletionPolicy what deleting the BackupJob (or BackupCopyJob) later does to the VB365 job (copy job)
   * @param copyJobs whether to export the jobs' backup copy jobs as BackupCopyJobs
   */
  public record Options(String organization, String namespace, String connectionSecret,
      DeletionPolicy deletionPolicy, boolean copyJobs) {
  }

  /**
   * One exported job and what a reader of the YAML should know about it.
   *
   * @param copy its backup copy job as a BackupCopyJob, or null when it has none (or copy jobs are not exported)
   */
  public record Exported(BackupJob backupJob, Job job, String organizationName, List<String> notes,
      ExportedCopy copy) {
  }

  /** A job's backup copy job as a BackupCopyJob, and what a reader of the YAML should know about it. */
  public record ExportedCopy(BackupCopyJob backupCopyJob, CopyJob copyJob, List<String> notes) {
  }

  /** A job that cannot be expressed as a BackupJob (VB365 reports something the operator has no word for). */
  public record Skipped(Job job, String reason) {
  }

  /**
   * @param skippedCopies copy jobs of exported jobs that cannot be expressed as a BackupCopyJob (their job is
   *     exported without one)
   */
  public record Result(List<Exported> exported, List<Skipped> skipped, List<SkippedCopy> skippedCopies) {

    /** The BackupCopyJobs among the exported documents. */
    public long copyJobs() {
      return exported.stream().filter(e -> e.copy() != null).count();
    }
  }

  /** A copy job that cannot be expressed as a BackupCopyJob, and the BackupJob it belongs to. */
  public record SkippedCopy(CopyJob copyJob, String backupJobName, String reason) {
  }

  private final VeeamClient client;
  private final Options options;
  /** The server's copy jobs by the id of the job they copy (lower case): listed once, when first needed. */
  private Map<String, CopyJob> copyJobsByJob;
  /** Names of copy jobs' repositories by id (null: no such repository), each read once per export. */
  private final Map<String, String> repositoryNames = new HashMap<>();

  public JobExporter(VeeamClient client, Options options) {
    this.client = client;
    this.options = options;
  }

  public Result export() {
    List<Organization> organizations = options.organization() == null ? client.listOrganizations()
        : List.of(client.resolveOrganization(options.organization()));
    List<Exported> exported = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    List<SkippedCopy> skippedCopies = new ArrayList<>();
    Set<String> usedNames = new HashSet<>();
    // BackupCopyJob names are unique among themselves (another kind): a copy job never renames a BackupJob.
    Set<String> usedCopyNames = new HashSet<>();
    for (Organization organization : organizations.stream()
        .sorted(Comparator.comparing(o -> o.name() == null ? "" : o.name().toLowerCase(Locale.ROOT))).toList()) {
      // Per organization: v6/v7 job bodies do not say which organization they belong to.
      List<Job> jobs = new ArrayList<>(client.listJobs(organization.id(), null));
      jobs.sort(Comparator.comparing(j -> j.name() == null ? "" : j.name().toLowerCase(Locale.ROOT)));
      for (Job job : jobs) {
        Exported one;
        try {
          one = exportOne(withOrganization(job, organization), organization, usedNames);
        } catch (UnreadableJobException e) {
          skipped.add(new Skipped(job, e.getMessage()));
          continue;
        }
        CopyJob copy = options.copyJobs() ? copyJobOf(job.id()) : null;
        if (copy != null) {
          try {
            one = new Exported(one.backupJob(), one.job(), one.organizationName(), one.notes(),
                exportCopy(copy, one.backupJob().getMetadata().getName(), usedCopyNames));
          } catch (UnreadableJobException e) {
            skippedCopies.add(new SkippedCopy(copy, one.backupJob().getMetadata().getName(), e.getMessage()));
          }
        }
        exported.add(one);
      }
    }
    return new Result(exported, skipped, skippedCopies);
  }

  /** The job's copy job, from one listing of every copy job of the server made at the first call. */
  private CopyJob copyJobOf(String jobId) {
    if (copyJobsByJob == null) {
      copyJobsByJob = new HashMap<>();
      for (CopyJob copy : client.listCopyJobs()) {
        if (copy.backupJobId() != null) {
          copyJobsByJob.putIfAbsent(copy.backupJobId().toLowerCase(Locale.ROOT), copy);
        }
      }
    }
    return jobId == null ? null : copyJobsByJob.get(jobId.toLowerCase(Locale.ROOT));
  }

  /**
   * The copy job as a BackupCopyJob of the BackupJob {@code backupJobName}: its id to adopt it, its repository by name
   * where the name is unique, its schedule unless it is the default (Immediate, any hour), enabled only when false.
   */
  private ExportedCopy exportCopy(CopyJob copy, String backupJobName, Set<String> usedNames) {
    ObservedCopyJob observed = CopyJobMapping.toObserved(copy);
    if (observed.schedule() == null) {
      throw new UnreadableJobException("its schedule is of a type this operator cannot read ("
          + (copy.schedulePolicy() == null ? "none" : String.valueOf(copy.schedulePolicy().type())) + ")");
    }
    List<String> notes = new ArrayList<>();
    BackupCopyJobSpec spec = new BackupCopyJobSpec();
    spec.setBackupJobRef(new JobReference(backupJobName));
    String repositoryId = copy.repositoryId();
    String repositoryName = repositoryId == null ? null : repositoryName(repositoryId);
    if (repositoryId != null && repositoryName == null) {
      notes.add("repository " + repositoryId + " is named by id: VB365 has no repository with that id");
      spec.setRepository(NamedReference.byId(repositoryId));
    } else {
      spec.setRepository(named("repository", repositoryName, repositoryId,
          () -> client.resolveRepository(repositoryName).id(), notes));
    }
    CopySchedule schedule = observed.schedule();
    if (schedule.type() != CopyScheduleType.Immediate || schedule.window() != null) {
      spec.setSchedulePolicy(CopyJobSpecMapper.toSpec(schedule));
    }
    if (!observed.enabled()) {
      spec.setEnabled(false);
    }
    spec.setDeletionPolicy(options.deletionPolicy());
    spec.setCopyJobId(copy.id());
    CopyJobSpecMapper.validate(spec).forEach(error -> notes.add("the operator will refuse this: " + error));

    BackupCopyJob resource = new BackupCopyJob();
    resource.setMetadata(new ObjectMetaBuilder().withName(ResourceNames.withSuffix(backupJobName, "-copy", usedNames))
        .withNamespace(options.namespace()).build());
    resource.setSpec(spec);
    return new ExportedCopy(resource, copy, notes);
  }

  /** The repository's name (read once per id), null when VB365 has no such repository. */
  private String repositoryName(String repositoryId) {
    String key = repositoryId.toLowerCase(Locale.ROOT);
    if (!repositoryNames.containsKey(key)) {
      String name;
      try {
        name = client.getRepository(repositoryId).name();
      } catch (NotFoundException e) {
        name = null;
      }
      repositoryNames.put(key, name);
    }
    return repositoryNames.get(key);
  }

  private static Job withOrganization(Job job, Organization organization) {
    if (job.organizationId() != null) {
      return job;
    }
    return new Job(job.id(), job.name(), job.description(), organization.id(), job.repositoryId(), job.backupType(),
        job.isEnabled(), job.schedulePolicy(), job.lastRun(), job.nextRun(), job.lastBackup(), job.lastStatus(),
        job.eTag());
  }

  private Exported exportOne(Job job, Organization organization, Set<String> usedNames) {
    List<String> notes = new ArrayList<>();
    List<JobItem> selectedRaw = job.backupType() == dev.vb365.operator.veeam.model.BackupType.ENTIRE_ORGANIZATION
        ? List.of() : client.listItems(job.id(), ItemScope.SELECTED);
    List<JobItem> excludedRaw = client.listItems(job.id(), ItemScope.EXCLUDED);
    Map<ItemKey, JobItem> raw = new HashMap<>();
    List<ObservedItem> selected = readable(selectedRaw, raw);
    List<ObservedItem> excluded = readable(excludedRaw, raw);
    int unreadable = selectedRaw.size() - selected.size() + excludedRaw.size() - excluded.size();
    if (unreadable > 0) {
      notes.add(unreadable + " item(s) of a kind this operator cannot read are left out; the operator leaves "
          + "them alone in VB365");
    }
    ObservedJob observed = JobMapping.toObserved(job, selected, excluded);

    BackupJobSpec spec = new BackupJobSpec();
    if (options.connectionSecret() != null) {
      spec.setConnection(new ConnectionSpec(new SecretReference(options.connectionSecret())));
    }
    spec.setOrganization(named("organization", organization.name(), organization.id(),
        () -> client.resolveOrganization(organization.name()).id(), notes));
    String repositoryName = job.repositoryId() == null ? null : client.getRepository(job.repositoryId()).name();
    spec.setRepository(named("repository", repositoryName, job.repositoryId(),
        () -> client.resolveRepository(repositoryName).id(), notes));
    spec.setJobName(observed.name());
    // The ownership marker is the operator's bookkeeping, not part of what a user writes; but who owns the job is
    // worth saying: adopting it elsewhere is refused unless the user says take over.
    OwnershipMarker.owner(observed.description()).ifPresent(owner -> notes.add("already managed by vb365-operator: "
        + "BackupJob " + owner.describe() + "; applying this BackupJob elsewhere is refused (AlreadyManaged or "
        + "OwnedByAnotherCluster) unless it carries the annotation "
        + dev.vb365.operator.api.ConditionTypes.TAKE_OVER_ANNOTATION + ": \"true\""));
    String description = OwnershipMarker.strip(observed.description());
    if (!description.isBlank()) {
      spec.setDescription(description);
    }
    spec.setBackupType(observed.backupType());
    if (!observed.enabled()) {
      spec.setEnabled(false);
    }
    if (observed.backupType() == BackupType.SelectedItems) {
      spec.setSelectedItems(nullIfEmpty(items(observed.selectedItems(), raw, organization.id(), notes)));
    }
    spec.setExcludedItems(nullIfEmpty(items(observed.excludedItems(), raw, organization.id(), notes)));
    spec.setSchedulePolicy(SchedulePolicyMapper.toSpec(observed.schedule()));
    spec.setDeletionPolicy(options.deletionPolicy());
    spec.setJobId(job.id());
    SpecValidation.of(spec).forEach(error -> notes.add("the operator will refuse this: " + error));

    BackupJob backupJob = new BackupJob();
    backupJob.setMetadata(new ObjectMetaBuilder().withName(ResourceNames.unique(job.name(), usedNames))
        .withNamespace(options.namespace()).build());
    backupJob.setSpec(spec);
    return new Exported(backupJob, job, organization.name(), notes, null);
  }

  /** The items the domain can read; {@code raw} keeps each one's VB365 form, which carries the object's name. */
  private static List<ObservedItem> readable(List<JobItem> items, Map<ItemKey, JobItem> raw) {
    List<ObservedItem> out = new ArrayList<>();
    for (JobItem item : items) {
      ItemMapping.toObserved(item).ifPresent(observed -> {
        out.add(observed);
        raw.putIfAbsent(observed.key(), item);
      });
    }
    return out;
  }

  private List<BackupItemSpec> items(List<ObservedItem> items, Map<ItemKey, JobItem> raw, String organizationId,
      List<String> notes) {
    List<BackupItemSpec> out = new ArrayList<>();
    for (ObservedItem observed : items) {
      BackupItem item = observed.item();
      BackupItemSpec spec = ItemSpecMapper.toSpec(item);
      JobItem source = raw.get(item.key());
      String id = item.key().objectId();
      switch (item.type()) {
        case User -> {
          String upn = source == null || source.user() == null ? null : source.user().name();
          spec.setUser(named("user", upn, id, () -> client.resolveUser(organizationId, upn).id(), notes));
        }
        case Group -> {
          String name = source == null || source.group() == null ? null : source.group().name();
          spec.setGroup(named("group", name, id, () -> client.resolveGroup(organizationId, name).id(), notes));
        }
        case Site -> {
          String url = source == null || source.site() == null ? null : source.site().url();
          NamedReference ref = named("site", url, id, () -> client.resolveSite(organizationId, url).id(), notes);
          spec.setSite(ref.getName() != null ? SiteReference.byUrl(ref.getName()) : new SiteReference(null, null, id));
        }
        case Team -> {
          String name = source == null || source.team() == null ? null : source.team().displayName();
          NamedReference ref = named("team", name, id, () -> client.resolveTeam(organizationId, name).id(), notes);
          spec.setTeam(new TeamReference(ref.getName(), null, ref.getName() == null ? id : null));
        }
        default -> {
          // PartialOrganization, PersonalSites, OneDriveFolders name no object
        }
      }
      out.add(spec);
    }
    return out;
  }

  /**
   * The name when looking it up finds exactly this object, else the id. A lookup that finds nothing or
   * several objects falls back to the id; any other failure (server unreachable, unauthorized) is not
   * hidden behind an id and ends the export.
   */
  private static NamedReference named(String what, String name, String id, Supplier<String> resolve,
      List<String> notes) {
    if (name == null || name.isBlank()) {
      notes.add(what + " " + id + " is named by id: VB365 gave no name for it");
      return NamedReference.byId(id);
    }
    try {
      String found = resolve.get();
      if (found != null && found.equalsIgnoreCase(id)) {
        return NamedReference.byName(name);
      }
      notes.add(what + " " + id + " is named by id: the name '" + name + "' finds another " + what + " (" + found + ")");
    } catch (AmbiguousMatchException e) {
      notes.add(what + " " + id + " is named by id: the name '" + name + "' is not unique (" + e.candidates().size()
          + " matches)");
    } catch (NotFoundException e) {
      notes.add(what + " " + id + " is named by id: looking up the name '" + name + "' finds nothing");
    }
    return NamedReference.byId(id);
  }

  private static <T> List<T> nullIfEmpty(List<T> list) {
    return list.isEmpty() ? null : list;
  }
}
