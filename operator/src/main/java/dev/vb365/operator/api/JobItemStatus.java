package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Whether this JobItem's item is in its job, and if not, why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class JobItemStatus {

  @JsonPropertyDescription("metadata.generation of the spec this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Id of the VB365 job the item belongs to.")
  private String jobId;

  @JsonPropertyDescription("VB365 id of the item in the job's selected or excluded items.")
  private String itemId;

  @JsonPropertyDescription("Ready: the item is in the VB365 job as declared (InJob, Duplicate), or why not "
      + "(BackupJobNotFound, BackupJobNotReady, UserNotFound, GroupNotFound, SiteNotFound, TeamNotFound, "
      + "AmbiguousName, Conflict, NotApplicable, NotInJob, InvalidSpec).")
  private List<Condition> conditions;

  public JobItemStatus() {
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

  public String getItemId() {
    return itemId;
  }

  public void setItemId(String itemId) {
    this.itemId = itemId;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions == null ? null : new ArrayList<>(conditions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JobItemStatus other && Objects.equals(observedGeneration, other.observedGeneration)
        && Objects.equals(jobId, other.jobId) && Objects.equals(itemId, other.itemId)
        && Objects.equals(conditions, other.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(observedGeneration, jobId, itemId, conditions);
  }

  @Override
  public String toString() {
    return "JobItemStatus{jobId=" + jobId + ", itemId=" + itemId + ", conditions=" + conditions + "}";
  }
}
