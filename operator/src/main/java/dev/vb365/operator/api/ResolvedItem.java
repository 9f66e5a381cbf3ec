package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** One item the spec or a JobItem names, and the directory object it resolved to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResolvedItem {

  @JsonPropertyDescription("Selected or Excluded.")
  private String scope;

  @JsonPropertyDescription("User, Group, Site, Team, PersonalSites or PartialOrganization.")
  private String type;

  @JsonPropertyDescription("The name as the spec wrote it (UPN, group name, site URL, team name).")
  private String name;

  @JsonPropertyDescription("Id of the directory object it resolved to.")
  private String id;

  public ResolvedItem() {
  }

  public ResolvedItem(String scope, String type, String name, String id) {
    this.scope = scope;
    this.type = type;
    this.name = name;
    this.id = id;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResolvedItem other && Objects.equals(scope, other.scope) && Objects.equals(type, other.type)
        && Objects.equals(name, other.name) && Objects.equals(id, other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scope, type, name, id);
  }

  @Override
  public String toString() {
    return scope + " " + type + " " + name + " -> " + id;
  }
}
