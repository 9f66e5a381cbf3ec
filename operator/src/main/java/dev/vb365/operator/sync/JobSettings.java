package dev.vb365.operator.sync;

import dev.vb365.operator.api.BackupType;
import java.util.Objects;

/** What one "PUT /Jobs/{id}" sets: every job setting except its items and its organization. */
public record JobSettings(String name, String description, BackupType backupType, String repositoryId,
    boolean enabled, Schedule schedule) {

  public JobSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(backupType, "backupType");
    Objects.requireNonNull(repositoryId, "repositoryId");
    Objects.requireNonNull(schedule, "schedule");
    description = description == null ? "" : description;
  }
}
