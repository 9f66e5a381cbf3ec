package dev.vb365.simulator.store;

import dev.vb365.simulator.model.BackupType;
import dev.vb365.simulator.model.JobItem;
import dev.vb365.simulator.model.SchedulePolicy;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A backup job as the simulator stores it. Immutable: every change replaces the record, so readers never
 * see half an update. lastStatus is null until the job first runs (rendered as Stopped).
 */
public record Job(UUID id, UUID organizationId, UUID repositoryId, String name, String description,
    BackupType backupType, SchedulePolicy schedulePolicy, boolean enabled, long eTag, Instant lastRun,
    Instant lastBackup, String lastStatus, UUID runningSessionId, List<JobItem> selectedItems,
    List<JobItem> excludedItems) {

  public Job {
    selectedItems = List.copyOf(selectedItems);
    excludedItems = List.copyOf(excludedItems);
  }

  public List<JobItem> items(ItemList list) {
    return list == ItemList.SELECTED ? selectedItems : excludedItems;
  }

  Job withItems(ItemList list, List<JobItem> items) {
    return list == ItemList.SELECTED
        ? new Job(id, organizationId, repositoryId, name, description, backupType, schedulePolicy, enabled, eTag,
            lastRun, lastBackup, lastStatus, runningSessionId, items, excludedItems)
        : new Job(id, organizationId, repositoryId, name, description, backupType, schedulePolicy, enabled, eTag,
            lastRun, lastBackup, lastStatus, runningSessionId, selectedItems, items);
  }

  Job withSettings(UUID repository, String newName, String newDescription, BackupType type, SchedulePolicy policy,
      boolean isEnabled) {
    return new Job(id, organizationId, repository, newName, newDescription, type, policy, isEnabled, eTag, lastRun,
        lastBackup, lastStatus, runningSessionId, selectedItems, excludedItems);
  }

  Job withRun(Instant run, Instant backup, String status, UUID running) {
    return new Job(id, organizationId, repositoryId, name, description, backupType, schedulePolicy, enabled, eTag, run,
        backup, status, running, selectedItems, excludedItems);
  }

  Job withETag(long value) {
    return new Job(id, organizationId, repositoryId, name, description, backupType, schedulePolicy, enabled, value,
        lastRun, lastBackup, lastStatus, runningSessionId, selectedItems, excludedItems);
  }
}
