package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import java.util.Objects;

/** Whether and how VB365 restarts a failed run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RetrySpec {

  @JsonPropertyDescription("Restart the job when a run fails. Default: true.")
  private Boolean enabled;

  @JsonPropertyDescription("How many times to retry. Default: 3.")
  @Min(1)
  @Max(777)
  private Integer count;

  @JsonPropertyDescription("Minutes to wait between retries. Default: 10.")
  @Min(1)
  @Max(999)
  private Integer waitMinutes;

  public RetrySpec() {
  }

  public RetrySpec(Boolean enabled, Integer count, Integer waitMinutes) {
    this.enabled = enabled;
    this.count = count;
    this.waitMinutes = waitMinutes;
  }

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getCount() {
    return count;
  }

  public void setCount(Integer count) {
    this.count = count;
  }

  public Integer getWaitMinutes() {
    return waitMinutes;
  }

  public void setWaitMinutes(Integer waitMinutes) {
    this.waitMinutes = waitMinutes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetrySpec other && Objects.equals(enabled, other.enabled)
        && Objects.equals(count, other.count) && Objects.equals(waitMinutes, other.waitMinutes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(enabled, count, waitMinutes);
  }

  @Override
  public String toString() {
    return "retry enabled=" + enabled + " count=" + count + " wait=" + waitMinutes;
  }
}
