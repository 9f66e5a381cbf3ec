package dev.vb365.operator.sync;

import dev.vb365.operator.api.BackupType;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The VB365 job a BackupJob asks for, with every name already resolved to a VB365 id. Built by
 * the reconciler (resolve step); knows nothing of Kubernetes or HTTP.
 */
public record DesiredJob(String organizationId, String repositoryId, String name, String description,
    BackupType backupType, boolean enabled, Schedule schedule, List<BackupItem> selectedItems,
    List<BackupItem> excludedItems) {

  public DesiredJob {
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(repositoryId, "repositoryId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(backupType, "backupType");
    organizationId = organizationId.toLowerCase(Locale.ROOT);
    repositoryId = repositoryId.toLowerCase(Locale.ROOT);
    description = description == null ? "" : description;
    schedule = schedule == null ? Schedule.DEFAULT : schedule;
    selectedItems = List.copyOf(selectedItems == null ? List.of() : selectedItems);
    excludedItems = List.copyOf(excludedItems == null ? List.of() : excludedItems);
  }

  public JobSettings settings() {
    return new JobSettings(name, description, backupType, repositoryId, enabled, schedule);
  }

  public List<BackupItem> items(Scope scope) {
    return scope == Scope.Selected ? selectedItems : excludedItems;
  }
}
