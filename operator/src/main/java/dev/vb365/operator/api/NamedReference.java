package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/** A VB365 object named either by its name or by its id (exactly one). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.name) != has(self.id)", message = "set exactly one of name or id")
public class NamedReference {

  @JsonPropertyDescription("Name as VB365 lists it (case-insensitive). The operator resolves it to an id; "
      + "an unknown or ambiguous name is reported in the status conditions.")
  @Size(min = 1, max = 256)
  private String name;

  @JsonPropertyDescription("VB365 id of the object. Use it when the name is ambiguous or may change.")
  @Size(min = 1, max = 256)
  private String id;

  public NamedReference() {
  }

  public NamedReference(String name, String id) {
    this.name = name;
    this.id = id;
  }

  public static NamedReference byName(String name) {
    return new NamedReference(name, null);
  }

  public static NamedReference byId(String id) {
    return new NamedReference(null, id);
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
    return o instanceof NamedReference other && Objects.equals(name, other.name) && Objects.equals(id, other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, id);
  }

  @Override
  public String toString() {
    return id != null ? "id " + id : "name " + name;
  }
}
