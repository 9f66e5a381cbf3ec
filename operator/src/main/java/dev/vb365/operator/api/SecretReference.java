package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A Secret in the resource's own namespace (never another namespace: tenants must not share credentials). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretReference {

  @JsonPropertyDescription("Name of a Secret in the same namespace with the keys url (e.g. https://vb365.example:4443), "
      + "username, password and optionally ca.crt (PEM) to trust a private certificate authority.")
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
  private String name;

  public SecretReference() {
  }

  public SecretReference(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretReference other && Objects.equals(name, other.name);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(name);
  }

  @Override
  public String toString() {
    return "Secret " + name;
  }
}
