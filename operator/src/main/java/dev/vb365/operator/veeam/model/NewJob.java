package dev.vb365.operator.veeam.model;

import java.util.List;
import java.util.Objects;

/**
 * What the operator sends to create a job. The client sends it as v8 {@code POST /Jobs} or v6/v7
 * {@code POST /Organizations/{organizationId}/Jobs}, whichever the server speaks.
 *
 * @param isEnabled {@code null} leaves the server default (enabled)
 * @param runNow whether VB365 starts the job right after creating it ({@code null}: not sent)
 */
public record NewJob(
        String name,
        String description,
        String organizationId,
        String repositoryId,
        BackupType backupType,
        Boolean isEnabled,
        Boolean runNow,
        SchedulePolicy schedulePolicy,
        List<JobItem> selectedItems,
        List<JobItem> excludedItems) {

    public NewJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(repositoryId, "repositoryId");
        Objects.requireNonNull(backupType, "backupType");
        selectedItems = selectedItems == null ? List.of() : List.copyOf(selectedItems);
        excludedItems = excludedItems == null ? List.of() : List.copyOf(excludedItems);
    }
}
