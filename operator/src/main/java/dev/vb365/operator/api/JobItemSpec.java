package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/**
 * One item added to another team's BackupJob: the item fields are those of a BackupJob's
 * selectedItems/excludedItems entry, plus which job and which list.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class JobItemSpec extends BackupItemSpec implements LenientSpec.Holder {

  /** Set only when the stored spec did not fit this class (see {@link LenientSpec}); never serialized. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  private UnreadableSpec unreadable;


  @JsonPropertyDescription("The BackupJob (same namespace) this item belongs to.")
  @Required
  private JobReference jobRef;

  @JsonPropertyDescription("Selected: back the item up. Excluded: leave it (or the given processing options) out. "
      + "Default: Selected.")
  private ItemScope scope;

  public JobItemSpec() {
  }

  public JobReference getJobRef() {
    return jobRef;
  }

  public void setJobRef(JobReference jobRef) {
    this.jobRef = jobRef;
  }

  public ItemScope getScope() {
    return scope;
  }

  public void setScope(ItemScope scope) {
    this.scope = scope;
  }

  /** The declared scope with its default applied. */
  public ItemScope effectiveScope() {
    return scope == null ? ItemScope.Selected : scope;
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
    return super.equals(o) && o instanceof JobItemSpec other && Objects.equals(jobRef, other.jobRef)
        && Objects.equals(unreadable, other.unreadable)
        && scope == other.scope;
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), jobRef, scope);
  }

  @Override
  public String toString() {
    return super.toString() + " in " + jobRef + " (" + effectiveScope() + ")";
  }
}
