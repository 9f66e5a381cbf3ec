package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** The desired VB365 backup copy job of one BackupJob. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupCopyJobSpec implements LenientSpec.Holder {

  @com.fasterxml.jackson.annotation.JsonIgnore
  private UnreadableSpec unreadable;

  @JsonPropertyDescription("The BackupJob (same namespace) whose backups this job copies. The copy job is made on "
      + "that BackupJob's VB365 server with its connection, once the BackupJob is Ready.")
  @Required
  private JobReference backupJobRef;

  @JsonPropertyDescription("The archive repository to copy to, e.g. {name: Archive Repository}: an object storage "
      + "repository with an archive tier (Azure Blob Storage Archive, Amazon S3 Glacier), which VB365 requires.")
  @Required
  private NamedReference repository;

  @JsonPropertyDescription("When the copy runs. Omitted: Immediate (each new restore point as it appears).")
  private CopySchedulePolicySpec schedulePolicy;

  @JsonPropertyDescription("Whether the VB365 copy job runs on its schedule. Default: true.")
  private Boolean enabled;

  @JsonPropertyDescription("When the BackupCopyJob is deleted: Delete removes the VB365 copy job (the copies stay in "
      + "the repository), Orphan leaves it in VB365. Default: Delete.")
  private DeletionPolicy deletionPolicy;

  @JsonPropertyDescription("When the copy job was changed outside Kubernetes: Correct puts it back to this spec, "
      + "Report only reports it (condition Drifted and an Event). Default: Correct.")
  private DriftPolicy driftPolicy;

  @JsonPropertyDescription("Managed: the operator creates, updates and deletes the copy job. ObserveOnly: it only "
      + "reads the BackupJob's copy job and reports how it differs from this spec. Default: Managed.")
  private ManagementPolicy managementPolicy;

  @JsonPropertyDescription("Id of an existing VB365 backup copy job to adopt; it must copy the BackupJob's job. "
      + "Empty: the operator uses the BackupJob's copy job if VB365 has one (VB365 allows one per backup job), "
      + "else creates it.")
  @Pattern("^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?$")
  private String copyJobId;

  public BackupCopyJobSpec() {
  }

  public JobReference getBackupJobRef() {
    return backupJobRef;
  }

  public void setBackupJobRef(JobReference backupJobRef) {
    this.backupJobRef = backupJobRef;
  }

  public NamedReference getRepository() {
    return repository;
  }

  public void setRepository(NamedReference repository) {
    this.repository = repository;
  }

  public CopySchedulePolicySpec getSchedulePolicy() {
    return schedulePolicy;
  }

  public void setSchedulePolicy(CopySchedulePolicySpec schedulePolicy) {
    this.schedulePolicy = schedulePolicy;
  }

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
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

  public String getCopyJobId() {
    return copyJobId;
  }

  public void setCopyJobId(String copyJobId) {
    this.copyJobId = copyJobId;
  }

  // Defaults in one place. Not getters, so Jackson and the CRD generator ignore them.

  public boolean effectiveEnabled() {
    return enabled == null || enabled;
  }

  public DeletionPolicy effectiveDeletionPolicy() {
    return deletionPolicy == null ? DeletionPolicy.Delete : deletionPolicy;
  }

  public DriftPolicy effectiveDriftPolicy() {
    return driftPolicy == null ? DriftPolicy.Correct : driftPolicy;
  }

  public ManagementPolicy effectiveManagementPolicy() {
    return managementPolicy == null ? ManagementPolicy.Managed : managementPolicy;
  }

  /** The copy job id to adopt, or null ("" means none). */
  public String copyJobIdToAdopt() {
    return copyJobId == null || copyJobId.isBlank() ? null : copyJobId;
  }

  /** The BackupJob's name, or null when the spec names none. */
  public String backupJobName() {
    return backupJobRef == null ? null : backupJobRef.getName();
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
    return o instanceof BackupCopyJobSpec other && Objects.equals(backupJobRef, other.backupJobRef)
        && Objects.equals(repository, other.repository) && Objects.equals(schedulePolicy, other.schedulePolicy)
        && Objects.equals(enabled, other.enabled) && deletionPolicy == other.deletionPolicy
        && driftPolicy == other.driftPolicy && managementPolicy == other.managementPolicy
        && Objects.equals(copyJobId, other.copyJobId) && Objects.equals(unreadable, other.unreadable);
  }

  @Override
  public int hashCode() {
    return Objects.hash(backupJobRef, repository, schedulePolicy, enabled, deletionPolicy, driftPolicy,
        managementPolicy, copyJobId);
  }

  @Override
  public String toString() {
    return "BackupCopyJobSpec{backupJobRef=" + backupJobName() + ", repository=" + repository + ", " + schedulePolicy
        + "}";
  }
}
