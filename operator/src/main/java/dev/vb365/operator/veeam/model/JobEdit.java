package dev.vb365.operator.veeam.model;

import java.util.List;

/**
 * The body of a job settings edit ({@code PUT /Jobs/{jobId}}). A {@code null} field is not sent and
 * so left as it is; in particular {@code null} item lists leave the job's items alone (manage items
 * one by one with the item calls), while a list, even empty, replaces them.
 */
public record JobEdit(
        String name,
        String description,
        String repositoryId,
        BackupType backupType,
        Boolean isEnabled,
        SchedulePolicy schedulePolicy,
        List<JobItem> selectedItems,
        List<JobItem> excludedItems) {

    public JobEdit {
        selectedItems = selectedItems == null ? null : List.copyOf(selectedItems);
        excludedItems = excludedItems == null ? null : List.copyOf(excludedItems);
    }

    /** An edit of the settings only (items untouched). */
    public static JobEdit settings(String name, String description, String repositoryId, BackupType backupType,
            Boolean isEnabled, SchedulePolicy schedulePolicy) {
        return new JobEdit(name, description, repositoryId, backupType, isEnabled, schedulePolicy, null, null);
    }
}
