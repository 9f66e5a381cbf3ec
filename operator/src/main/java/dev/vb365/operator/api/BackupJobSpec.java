package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The desired VB365 backup job. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.backupType) || self.backupType != 'EntireOrganization'"
    + " || !has(self.selectedItems) || size(self.selectedItems) == 0",
    message = "backupType EntireOrganization backs up the whole organization: leave selectedItems empty "
        + "(use excludedItems to leave things out)")
public class BackupJobSpec implements LenientSpec.Holder {

  /** Set only when the stored spec did not fit this class (see {@link LenientSpec}); never serialized. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  private UnreadableSpec unreadable;


  @JsonPropertyDescription("Where VB365 is and how to log in. Omitted: the operator's default connection.")
  private ConnectionSpec connection;

  @JsonPropertyDescription("The Microsoft 365 organization added to VB365, e.g. {name: contoso.onmicrosoft.com}.")
  @Required
  private NamedReference organization;

  @JsonPropertyDescription("The VB365 backup repository, e.g. {name: Default Backup Repository}.")
  @Required
  private NamedReference repository;

  @JsonPropertyDescription("Name of the VB365 job. Default: <namespace>-<metadata.name>. A job of this name that the "
      + "operator did not create is not taken over (NameConflict); set jobId to adopt it.")
  @Size(min = 1, max = 255)
  @Pattern("^\\S(.*\\S)?$")
  private String jobName;

  @JsonPropertyDescription("Description of the VB365 job.")
  @Size(max = 1024)
  private String description;

  @JsonPropertyDescription("SelectedItems: back up selectedItems (and the JobItems with scope Selected). "
      + "EntireOrganization: back up everything except excludedItems. Default: SelectedItems.")
  private BackupType backupType;

  @JsonPropertyDescription("Whether the VB365 job runs on its schedule. Default: true.")
  private Boolean enabled;

  @JsonPropertyDescription("Start the VB365 job right after the operator creates it (the create call's runNow: "
      + "no extra call). Only the create reads it: an existing or adopted job is not started. Default: false.")
  private Boolean runOnCreate;

  @JsonPropertyDescription("Objects to back up. JobItems with scope Selected add to this list; on a conflict "
      + "the item written here wins.")
  @Size(max = 5000)
  private List<BackupItemSpec> selectedItems;

  @JsonPropertyDescription("Objects (or processing options of objects) to leave out. JobItems with scope Excluded add "
      + "to this list.")
  @Size(max = 5000)
  private List<BackupItemSpec> excludedItems;

  @JsonPropertyDescription("When the job runs. Omitted: Daily, Everyday at 22:00, retries on.")
  private SchedulePolicySpec schedulePolicy;

  @JsonPropertyDescription("When the BackupJob is deleted: Delete removes the VB365 job (its backups stay in the "
      + "repository), Orphan leaves the job in VB365. Default: Delete.")
  private DeletionPolicy deletionPolicy;

  @JsonPropertyDescription("When the VB365 job was changed outside Kubernetes: Correct puts it back to this spec, "
      + "Report only reports it (condition Drifted and an Event). Default: Correct.")
  private DriftPolicy driftPolicy;

  @JsonPropertyDescription("When a user, group, site or team this spec names (by name, URL or mail) leaves the "
      + "directory while the VB365 job still has it: Keep leaves it in the job and reports ItemsMissing; Remove takes "
      + "it out of the job (never the last item of a SelectedItems job). Either way the BackupJob reports ItemsMissing "
      + "until the spec no longer names it. Default: Keep.")
  private MissingItemPolicy missingItemPolicy;

  @JsonPropertyDescription("Managed: the operator creates, updates and deletes the VB365 job. ObserveOnly: it only "
      + "reads the job (give jobId or jobName) and reports how it differs from this spec. Default: Managed.")
  private ManagementPolicy managementPolicy;

  @JsonPropertyDescription("Id of an existing VB365 job to adopt instead of creating one. Empty: the operator "
      + "creates the job and records its id in status.jobId.")
  @Pattern("^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?$")
  private String jobId;

  public BackupJobSpec() {
  }

  public ConnectionSpec getConnection() {
    return connection;
  }

  public void setConnection(ConnectionSpec connection) {
    this.connection = connection;
  }

  public NamedReference getOrganization() {
    return organization;
  }

  public void setOrganization(NamedReference organization) {
    this.organization = organization;
  }

  public NamedReference getRepository() {
    return repository;
  }

  public void setRepository(NamedReference repository) {
    this.repository = repository;
  }

  public String getJobName() {
    return jobName;
  }

  public void setJobName(String jobName) {
    this.jobName = jobName;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public BackupType getBackupType() {
    return backupType;
  }

  public void setBackupType(BackupType backupType) {
    this.backupType = backupType;
  }

  public Boolean getRunOnCreate() {
    return runOnCreate;
  }

  public void setRunOnCreate(Boolean runOnCreate) {
    this.runOnCreate = runOnCreate;
  }

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public List<BackupItemSpec> getSelectedItems() {
    return selectedItems;
  }

  public void setSelectedItems(List<BackupItemSpec> selectedItems) {
    this.selectedItems = selectedItems == null ? null : new ArrayList<>(selectedItems);
  }

  public List<BackupItemSpec> getExcludedItems() {
    return excludedItems;
  }

  public void setExcludedItems(List<BackupItemSpec> excludedItems) {
    this.excludedItems = excludedItems == null ? null : new ArrayList<>(excludedItems);
  }

  public SchedulePolicySpec getSchedulePolicy() {
    return schedulePolicy;
  }

  public void setSchedulePolicy(SchedulePolicySpec schedulePolicy) {
    this.schedulePolicy = schedulePolicy;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public DriftPolicy getDriftPolicy() {
    return driftPolicy;
  }

  public void setDriftPolicy(DriftPolicy driftPolicy) {
    this.driftPolicy = driftPolicy;
  }

  public ManagementPolicy getManagementPolicy() {
    return managementPolicy;
  }

  public void setManagementPolicy(ManagementPolicy managementPolicy) {
    this.managementPolicy = managementPolicy;
  }

  public String getJobId() {
    return jobId;
  }

  public void setJobId(String jobId) {
    this.jobId = jobId;
  }

  // Defaults in one place. Not getters (no "get" prefix), so Jackson and the CRD generator ignore them.

  public DeletionPolicy effectiveDeletionPolicy() {
    return deletionPolicy == null ? DeletionPolicy.Delete : deletionPolicy;
  }

  public MissingItemPolicy getMissingItemPolicy() {
    return missingItemPolicy;
  }

  public void setMissingItemPolicy(MissingItemPolicy missingItemPolicy) {
    this.missingItemPolicy = missingItemPolicy;
  }

  public MissingItemPolicy effectiveMissingItemPolicy() {
    return missingItemPolicy == null ? MissingItemPolicy.Keep : missingItemPolicy;
  }

  public DriftPolicy effectiveDriftPolicy() {
    return driftPolicy == null ? DriftPolicy.Correct : driftPolicy;
  }

  public ManagementPolicy effectiveManagementPolicy() {
    return managementPolicy == null ? ManagementPolicy.Managed : managementPolicy;
  }

  /** The job id to adopt, or null: the spec's "" means "none" (the example writes jobId: ""). */
  public String jobIdToAdopt() {
    return jobId == null || jobId.isBlank() ? null : jobId;
  }

  @Override
  public UnreadableSpec unreadable() {
    return unreadable;
  }

  @Override
  public void unreadable(UnreadableSpec problem) {
    this.unreadable = problem;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BackupJobSpec other && Objects.equals(connection, other.connection)
        && Objects.equals(organization, other.organization) && Objects.equals(repository, other.repository)
        && Objects.equals(jobName, other.jobName) && Objects.equals(description, other.description)
        && backupType == other.backupType && Objects.equals(enabled, other.enabled)
        && Objects.equals(runOnCreate, other.runOnCreate)
        && Objects.equals(selectedItems, other.selectedItems) && Objects.equals(excludedItems, other.excludedItems)
        && Objects.equals(schedulePolicy, other.schedulePolicy) && deletionPolicy == other.deletionPolicy
        && driftPolicy == other.driftPolicy && missingItemPolicy == other.missingItemPolicy
        && managementPolicy == other.managementPolicy
        && Objects.equals(jobId, other.jobId) && Objects.equals(unreadable, other.unreadable);
  }

  @Override
  public int hashCode() {
    return Objects.hash(connection, organization, repository, jobName, description, backupType, enabled, runOnCreate,
        selectedItems, excludedItems, schedulePolicy, deletionPolicy, driftPolicy, missingItemPolicy, managementPolicy,
        jobId);
  }

  @Override
  public String toString() {
    return "BackupJobSpec{jobName=" + jobName + ", organization=" + organization + ", repository=" + repository
        + ", backupType=" + backupType + ", selected=" + (selectedItems == null ? 0 : selectedItems.size())
        + ", excluded=" + (excludedItems == null ? 0 : excludedItems.size()) + ", " + schedulePolicy + "}";
  }
}
