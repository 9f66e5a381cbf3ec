package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the operator last saw and did. Value equality matters: the reconciler writes the status only
 * when the new one differs, so a no-op resync writes nothing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupJobStatus {

  @JsonPropertyDescription("metadata.generation of the spec this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Id of the VB365 job; recorded as soon as the job exists.")
  private String jobId;

  @JsonPropertyDescription("Name of the VB365 job.")
  private String jobName;

  @JsonPropertyDescription("Resolved VB365 id of spec.organization.")
  private String organizationId;

  @JsonPropertyDescription("Resolved VB365 id of spec.repository.")
  private String repositoryId;

  @JsonPropertyDescription("Version of the VB365 job as last observed: its eTag (API v8), or on v6/v7, which have no "
      + "eTag, a fingerprint of its settings and items (fp-...).")
  // Named here too: Jackson names getETag() "etag", and only a field and getter that share a name
  // share the description.
  @com.fasterxml.jackson.annotation.JsonProperty("eTag")
  private String eTag;

  @JsonPropertyDescription("The eTag (or fingerprint) the operator's own last write produced. A different eTag "
      + "later means someone else changed the job: condition Drifted.")
  private String lastAppliedETag;

  @JsonPropertyDescription("Status of the job's latest run as VB365 reports it (e.g. Success, Warning, Failed, "
      + "Running, Stopped), or NeverRun when the job has not run yet (no lastRun; VB365 itself says Stopped then).")
  private String lastStatus;

  @JsonPropertyDescription("When the job last ran (RFC 3339).")
  private String lastRun;

  @JsonPropertyDescription("When the job runs next per its schedule (RFC 3339).")
  private String nextRun;

  @JsonPropertyDescription("When the job last backed up successfully (RFC 3339): the end of its last run that "
      + "finished with Success or Warning. The answer to \"is my data backed up?\".")
  private String lastBackup;

  @JsonPropertyDescription("The job's latest session: its type, outcome, timing and numbers.")
  private LastSession lastSession;

  @JsonPropertyDescription("The items the spec and the JobItems name, each with the directory object it resolved to "
      + "(at most 50; resolvedItemsOmitted counts the rest).")
  private List<ResolvedItem> resolvedItems;

  @JsonPropertyDescription("How many resolved items resolvedItems leaves out (it lists at most 50).")
  private Integer resolvedItemsOmitted;

  @JsonPropertyDescription("Each selection rule (an item with match): how many directory objects matched and how "
      + "many it put in the job.")
  private List<RuleStatus> rules;

  @JsonPropertyDescription("Number of items in the job's selected items (inline and from JobItems).")
  private Integer selectedItemCount;

  @JsonPropertyDescription("Number of items in the job's excluded items (inline and from JobItems).")
  private Integer excludedItemCount;

  @JsonPropertyDescription("The last value of the backup.vb365.dev/run-requested-at annotation that started "
      + "the job; each new value starts it once.")
  private String lastRunRequest;

  @JsonPropertyDescription("The last value of the backup.vb365.dev/full-run-requested-at annotation that started "
      + "an active full backup; each new value starts one once.")
  private String lastFullRunRequest;

  @JsonPropertyDescription("The last value of the backup.vb365.dev/stop-requested-at annotation that stopped the "
      + "job; each new value stops it once.")
  private String lastStopRequest;

  @JsonPropertyDescription("Set (RFC 3339) just before the operator sends the request that creates the VB365 job, "
      + "cleared when its answer is recorded here: an operator that finds it set (after a restart or a change of "
      + "leader) looks for the job before it ever creates one again, and waits out the call timeout first.")
  private String createPendingSince;

  @JsonPropertyDescription("Version of the VB365 REST API in use (v8, v7 or v6).")
  private String vb365ApiVersion;

  @JsonPropertyDescription("True when the connection does not verify the VB365 server's TLS certificate.")
  private Boolean tlsVerificationDisabled;

  @JsonPropertyDescription("Ready: VB365 matches the spec (reason UpToDate), or why not. Synced: the last reconcile "
      + "succeeded (ReconcileSuccess), or why not. Drifted: the VB365 job was changed outside Kubernetes.")
  private List<Condition> conditions;

  public BackupJobStatus() {
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getJobId() {
    return jobId;
  }

  public void setJobId(String jobId) {
    this.jobId = jobId;
  }

  public String getJobName() {
    return jobName;
  }

  public void setJobName(String jobName) {
    this.jobName = jobName;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public void setOrganizationId(String organizationId) {
    this.organizationId = organizationId;
  }

  public String getRepositoryId() {
    return repositoryId;
  }

  public void setRepositoryId(String repositoryId) {
    this.repositoryId = repositoryId;
  }

  // Jackson would derive "etag" from getETag(); the status field users see is eTag.
  @com.fasterxml.jackson.annotation.JsonProperty("eTag")
  public String getETag() {
    return eTag;
  }

  @com.fasterxml.jackson.annotation.JsonProperty("eTag")
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

  public LastSession getLastSession() {
    return lastSession;
  }

  public void setLastSession(LastSession lastSession) {
    this.lastSession = lastSession;
  }

  public List<ResolvedItem> getResolvedItems() {
    return resolvedItems;
  }

  public void setResolvedItems(List<ResolvedItem> resolvedItems) {
    this.resolvedItems = resolvedItems == null ? null : new ArrayList<>(resolvedItems);
  }

  public Integer getResolvedItemsOmitted() {
    return resolvedItemsOmitted;
  }

  public void setResolvedItemsOmitted(Integer resolvedItemsOmitted) {
    this.resolvedItemsOmitted = resolvedItemsOmitted;
  }

  public List<RuleStatus> getRules() {
    return rules;
  }

  public void setRules(List<RuleStatus> rules) {
    this.rules = rules == null ? null : new ArrayList<>(rules);
  }

  public Integer getSelectedItemCount() {
    return selectedItemCount;
  }

  public void setSelectedItemCount(Integer selectedItemCount) {
    this.selectedItemCount = selectedItemCount;
  }

  public Integer getExcludedItemCount() {
    return excludedItemCount;
  }

  public void setExcludedItemCount(Integer excludedItemCount) {
    this.excludedItemCount = excludedItemCount;
  }

  public String getLastFullRunRequest() {
    return lastFullRunRequest;
  }

  public void setLastFullRunRequest(String lastFullRunRequest) {
    this.lastFullRunRequest = lastFullRunRequest;
  }

  public String getLastStopRequest() {
    return lastStopRequest;
  }

  public void setLastStopRequest(String lastStopRequest) {
    this.lastStopRequest = lastStopRequest;
  }

  public String getLastRunRequest() {
    return lastRunRequest;
  }

  public void setLastRunRequest(String lastRunRequest) {
    this.lastRunRequest = lastRunRequest;
  }

  public String getCreatePendingSince() {
    return createPendingSince;
  }

  public void setCreatePendingSince(String createPendingSince) {
    this.createPendingSince = createPendingSince;
  }

  public String getVb365ApiVersion() {
    return vb365ApiVersion;
  }

  public void setVb365ApiVersion(String vb365ApiVersion) {
    this.vb365ApiVersion = vb365ApiVersion;
  }

  public Boolean getTlsVerificationDisabled() {
    return tlsVerificationDisabled;
  }

  public void setTlsVerificationDisabled(Boolean tlsVerificationDisabled) {
    this.tlsVerificationDisabled = tlsVerificationDisabled;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions == null ? null : new ArrayList<>(conditions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BackupJobStatus other && Objects.equals(observedGeneration, other.observedGeneration)
        && Objects.equals(jobId, other.jobId) && Objects.equals(jobName, other.jobName)
        && Objects.equals(organizationId, other.organizationId) && Objects.equals(repositoryId, other.repositoryId)
        && Objects.equals(eTag, other.eTag) && Objects.equals(lastAppliedETag, other.lastAppliedETag)
        && Objects.equals(lastStatus, other.lastStatus) && Objects.equals(lastRun, other.lastRun)
        && Objects.equals(nextRun, other.nextRun) && Objects.equals(selectedItemCount, other.selectedItemCount)
        && Objects.equals(excludedItemCount, other.excludedItemCount)
        && Objects.equals(lastBackup, other.lastBackup) && Objects.equals(lastSession, other.lastSession)
        && Objects.equals(resolvedItems, other.resolvedItems)
        && Objects.equals(resolvedItemsOmitted, other.resolvedItemsOmitted) && Objects.equals(rules, other.rules)
        && Objects.equals(lastRunRequest, other.lastRunRequest)
        && Objects.equals(lastFullRunRequest, other.lastFullRunRequest)
        && Objects.equals(lastStopRequest, other.lastStopRequest)
        && Objects.equals(createPendingSince, other.createPendingSince)
        && Objects.equals(vb365ApiVersion, other.vb365ApiVersion)
        && Objects.equals(tlsVerificationDisabled, other.tlsVerificationDisabled)
        && Objects.equals(conditions, other.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(observedGeneration, jobId, jobName, organizationId, repositoryId, eTag, lastAppliedETag,
        lastStatus, lastRun, nextRun, lastBackup, lastSession, resolvedItems, resolvedItemsOmitted, rules, selectedItemCount,
        excludedItemCount, lastRunRequest, lastFullRunRequest, lastStopRequest, createPendingSince, vb365ApiVersion,
        tlsVerificationDisabled, conditions);
  }

  @Override
  public String toString() {
    return "BackupJobStatus{jobId=" + jobId + ", eTag=" + eTag + ", lastStatus=" + lastStatus + ", conditions="
        + conditions + "}";
  }
}
