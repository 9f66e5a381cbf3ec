package dev.vb365.operator.sync;

import dev.vb365.operator.api.BackupType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A VB365 job as read from the server (or the change-feed cache), in domain terms.
 *
 * @param eTag v8's version number of the job; null on v6/v7, which have none (see {@link #versionStamp()})
 * @param lastStatus VB365's text as is (servers send values the spec does not list)
 * @param lastBackup the end of the last successful run as VB365 reports it (v7, v8); null on v6 or when never
 */
public record ObservedJob(String id, Long eTag, String organizationId, String repositoryId, String name,
    String description, BackupType backupType, boolean enabled, Schedule schedule, List<ObservedItem> selectedItems,
    List<ObservedItem> excludedItems, String lastStatus, Instant lastRun, Instant nextRun, Instant lastBackup) {

  /** A job whose last successful run is not known. */
  public ObservedJob(String id, Long eTag, String organizationId, String repositoryId, String name,
      String description, BackupType backupType, boolean enabled, Schedule schedule, List<ObservedItem> selectedItems,
      List<ObservedItem> excludedItems, String lastStatus, Instant lastRun, Instant nextRun) {
    this(id, eTag, organizationId, repositoryId, name, description, backupType, enabled, schedule, selectedItems,
        excludedItems, lastStatus, lastRun, nextRun, null);
  }

  public ObservedJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(backupType, "backupType");
    Objects.requireNonNull(schedule, "schedule");
    id = id.toLowerCase(Locale.ROOT);
    organizationId = organizationId.toLowerCase(Locale.ROOT);
    repositoryId = repositoryId == null ? "" : repositoryId.toLowerCase(Locale.ROOT);
    description = description == null ? "" : description;
    selectedItems = List.copyOf(selectedItems == null ? List.of() : selectedItems);
    excludedItems = List.copyOf(excludedItems == null ? List.of() : excludedItems);
  }

  public JobSettings settings() {
    return new JobSettings(name, description, backupType, repositoryId, enabled, schedule);
  }

  public List<ObservedItem> items(Scope scope) {
    return scope == Scope.Selected ? selectedItems : excludedItems;
  }

  /**
   * What status.eTag records: the eTag where VB365 has one (v8), else a fingerprint of the job's
   * settings and items (v6/v7), so drift is detected the same way on every version.
   */
  public String versionStamp() {
    return eTag != null ? eTag.toString() : JobFingerprint.of(this);
  }
}
