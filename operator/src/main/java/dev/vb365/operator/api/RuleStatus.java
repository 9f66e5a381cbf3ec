package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** What one selection rule (an item with match) contributed, as last evaluated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RuleStatus {

  @JsonPropertyDescription("The rule's entry, e.g. spec.selectedItems[2].")
  private String source;

  @JsonPropertyDescription("The type of objects it selects: User, Group, Site or Team.")
  private String type;

  @JsonPropertyDescription("How many directory objects matched the rule.")
  private Integer matched;

  @JsonPropertyDescription("How many of them it put in the job's list (at most its maxItems).")
  private Integer selected;

  public RuleStatus() {
  }

  public RuleStatus(String source, String type, int matched, int selected) {
    this.source = source;
    this.type = type;
    this.matched = matched;
    this.selected = selected;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public Integer getMatched() {
    return matched;
  }

  public void setMatched(Integer matched) {
    this.matched = matched;
  }

  public Integer getSelected() {
    return selected;
  }

  public void setSelected(Integer selected) {
    this.selected = selected;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleStatus other && Objects.equals(source, other.source) && Objects.equals(type, other.type)
        && Objects.equals(matched, other.matched) && Objects.equals(selected, other.selected);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, type, matched, selected);
  }

  @Override
  public String toString() {
    return source + ": " + selected + " of " + matched + " " + type;
  }
}
