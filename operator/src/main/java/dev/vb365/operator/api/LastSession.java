package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** The VB365 job's latest session (RESTJobSession), as much of it as answers "what did the last run do?". */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LastSession {

  @JsonPropertyDescription("Id of the VB365 job session.")
  private String id;

  @JsonPropertyDescription("Full (an active full backup) or Incremental; unknown before API v8.")
  private String type;

  @JsonPropertyDescription("Status of the session as VB365 reports it (Running, Success, Warning, Failed, Stopped...).")
  private String status;

  @JsonPropertyDescription("When the session started (RFC 3339).")
  private String startTime;

  @JsonPropertyDescription("When the session ended (RFC 3339); absent while it runs.")
  private String endTime;

  @JsonPropertyDescription("How long the session ran (e.g. 1h2m3s); absent while it runs.")
  private String duration;

  @JsonPropertyDescription("Number of objects the session processed.")
  private Long processedObjects;

  @JsonPropertyDescription("Bytes the session transferred from source to target (before compression and "
      + "deduplication).")
  private Long transferredBytes;

  @JsonPropertyDescription("Order number of this session's retry (0: not a retry).")
  private Integer retryCount;

  @JsonPropertyDescription("Whether VB365 will retry the session (API v7 and later).")
  private Boolean willBeRetried;

  @JsonPropertyDescription("VB365's details of the session (at most 1024 characters).")
  private String details;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getEndTime() {
    return endTime;
  }

  public void setEndTime(String endTime) {
    this.endTime = endTime;
  }

  public String getDuration() {
    return duration;
  }

  public void setDuration(String duration) {
    this.duration = duration;
  }

  public Long getProcessedObjects() {
    return processedObjects;
  }

  public void setProcessedObjects(Long processedObjects) {
    this.processedObjects = processedObjects;
  }

  public Long getTransferredBytes() {
    return transferredBytes;
  }

  public void setTransferredBytes(Long transferredBytes) {
    this.transferredBytes = transferredBytes;
  }

  public Integer getRetryCount() {
    return retryCount;
  }

  public void setRetryCount(Integer retryCount) {
    this.retryCount = retryCount;
  }

  public Boolean getWillBeRetried() {
    return willBeRetried;
  }

  public void setWillBeRetried(Boolean willBeRetried) {
    this.willBeRetried = willBeRetried;
  }

  public String getDetails() {
    return details;
  }

  public void setDetails(String details) {
    this.details = details;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LastSession other && Objects.equals(id, other.id) && Objects.equals(type, other.type)
        && Objects.equals(status, other.status) && Objects.equals(startTime, other.startTime)
        && Objects.equals(endTime, other.endTime) && Objects.equals(duration, other.duration)
        && Objects.equals(processedObjects, other.processedObjects)
        && Objects.equals(transferredBytes, other.transferredBytes) && Objects.equals(retryCount, other.retryCount)
        && Objects.equals(willBeRetried, other.willBeRetried) && Objects.equals(details, other.details);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, type, status, startTime, endTime, duration, processedObjects, transferredBytes,
        retryCount, willBeRetried, details);
  }
}
