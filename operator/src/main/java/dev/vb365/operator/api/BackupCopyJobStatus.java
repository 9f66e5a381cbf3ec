package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the operator last saw and did of a backup copy job; written only when it differs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupCopyJobStatus {
  @JsonPropertyDescription("metadata.generation of the spec this status describes.")
  private Long observedGeneration;
  @JsonPropertyDescription("Id of the VB365 backup copy job; recorded as soon as the job exists.")
  private String copyJobId;
  @JsonPropertyDescription("Name of the VB365 backup copy job (VB365 names it after the backup job).")
  private String copyJobName;
  @JsonPropertyDescription("Id of the VB365 backup job it copies (the BackupJob's status.jobId).")
  private String backupJobId;
  @JsonPropertyDescription("Resolved VB365 id of spec.repository.")
  private String repositoryId;
  @JsonPropertyDescription("Version of the copy job as last observed: its eTag (API v8), or on v6/v7, which have no eTag, a fingerprint of its settings (fp-...).")
  @com.fasterxml.jackson.annotation.JsonProperty("eTag")
  private String eTag;
  @JsonPropertyDescription("The eTag (or fingerprint) the operator's own last write produced (or it last accepted). A different eTag later means someone else changed the copy job: condition Drifted.")
  private String lastAppliedETag;
  @JsonPropertyDescription("Status of the copy job's latest run as VB365 reports it (e.g. Success, Warning, Failed, Running), or NeverRun when it has not run yet.")
  private String lastStatus;
  @JsonPropertyDescription("When the copy job last ran (RFC 3339).")
  private String lastRun;
  @JsonPropertyDescription("When the copy job runs next per its schedule (RFC 3339).")
  private String nextRun;
  @JsonPropertyDescription("When the copy job last copied successfully (RFC 3339; VB365 v7 and v8 report it).")
  private String lastBackup;
  @JsonPropertyDescription("Version of the VB365 REST API in use (v8, v7 or v6).")
  private String vb365ApiVersion;

  @JsonPropertyDescription("Set (RFC 3339) just before the operator sends the request that creates the copy job, "
      + "cleared when its answer is recorded in copyJobId: a deletion that finds it set looks for the copy job of the "
      + "BackupJob's job, so a create whose answer was lost leaves nothing behind.")
  private String createPendingSince;
  @JsonPropertyDescription("Ready: the copy job matches the spec (reason UpToDate), or why not (e.g. BackupJobNotReady "
      + "while the BackupJob it copies is not Ready). Synced: the last reconcile succeeded, or why not. Drifted: the "
      + "copy job was changed outside Kubernetes.")
  private List<Condition> conditions;

  public BackupCopyJobStatus() {
  }

  /** A copy, to change without touching the status it was made from. */
  public BackupCopyJobStatus copy() {
    BackupCopyJobStatus c = new BackupCopyJobStatus();
    c.observedGeneration = observedGeneration;
    c.copyJobId = copyJobId;
    c.copyJobName = copyJobName;
    c.backupJobId = backupJobId;
    c.repositoryId = repositoryId;
    c.eTag = eTag;
    c.lastAppliedETag = lastAppliedETag;
    c.lastStatus = lastStatus;
    c.lastRun = lastRun;
    c.nextRun = nextRun;
    c.lastBackup = lastBackup;
    c.vb365ApiVersion = vb365ApiVersion;
    c.createPendingSince = createPendingSince;
    c.conditions = conditions == null ? null : new ArrayList<>(conditions);
    return c;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getCopyJobId() {
    return copyJobId;
  }

  public void setCopyJobId(String copyJobId) {
    this.copyJobId = copyJobId;
  }

  public String getCopyJobName() {
    return copyJobName;
  }

  public void setCopyJobName(String copyJobName) {
    this.copyJobName = copyJobName;
  }

  public String getBackupJobId() {
    return backupJobId;
  }

  public void setBackupJobId(String backupJobId) {
    this.backupJobId = backupJobId;
  }

  public String getRepositoryId() {
    return repositoryId;
  }

  public void setRepositoryId(String repositoryId) {
    this.repositoryId = repositoryId;
  }

  @com.fasterxml.jackson.annotation.JsonProperty("eTag")
  public String getETag() {
    return eTag;
  }

  public void setETag(String eTag) {
    this.eTag = eTag;
  }

  public String getLastAppliedETag() {
    return lastAppliedETag;
  }

  public void setLastAppliedETag(String lastAppliedETag) {
    this.lastAppliedETag = lastAppliedETag;
  }

  public String getLastStatus() {
    return lastStatus;
  }

  public void setLastStatus(String lastStatus) {
    this.lastStatus = lastStatus;
  }

  public String getLastRun() {
    return lastRun;
  }

  public void setLastRun(String lastRun) {
    this.lastRun = lastRun;
  }

  public String getNextRun() {
    return nextRun;
  }

  public void setNextRun(String nextRun) {
    this.nextRun = nextRun;
  }

  public String getLastBackup() {
    return lastBackup;
  }

  public void setLastBackup(String lastBackup) {
    this.lastBackup = lastBackup;
  }

  public String getVb365ApiVersion() {
    return vb365ApiVersion;
  }

  public void setVb365ApiVersion(String vb365ApiVersion) {
    this.vb365ApiVersion = vb365ApiVersion;
  }

  public String getCreatePendingSince() {
    return createPendingSince;
  }

  public void setCreatePendingSince(String createPendingSince) {
    this.createPendingSince = createPendingSince;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions == null ? null : new ArrayList<>(conditions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BackupCopyJobStatus other
        && Objects.equals(observedGeneration, other.observedGeneration)
        && Objects.equals(copyJobId, other.copyJobId)
        && Objects.equals(copyJobName, other.copyJobName)
        && Objects.equals(backupJobId, other.backupJobId)
        && Objects.equals(repositoryId, other.repositoryId)
        && Objects.equals(eTag, other.eTag)
        && Objects.equals(lastAppliedETag, other.lastAppliedETag)
        && Objects.equals(lastStatus, other.lastStatus)
        && Objects.equals(lastRun, other.lastRun)
        && Objects.equals(nextRun, other.nextRun)
        && Objects.equals(lastBackup, other.lastBackup)
        && Objects.equals(vb365ApiVersion, other.vb365ApiVersion)
        && Objects.equals(createPendingSince, other.createPendingSince)
        && Objects.equals(conditions, other.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(observedGeneration, copyJobId, copyJobName, backupJobId, repositoryId, eTag, lastAppliedETag, lastStatus, lastRun, nextRun, lastBackup, vb365ApiVersion, createPendingSince, conditions);
  }
}
