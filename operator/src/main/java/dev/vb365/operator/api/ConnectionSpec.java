package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** How to reach the VB365 REST API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConnectionSpec {

  @JsonPropertyDescription("Secret (same namespace) with the VB365 url, username, password and optional ca.crt.")
  @Required
  private SecretReference secretRef;

  public ConnectionSpec() {
  }

  public ConnectionSpec(SecretReference secretRef) {
    this.secretRef = secretRef;
  }

  public SecretReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(SecretReference secretRef) {
    this.secretRef = secretRef;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConnectionSpec other && Objects.equals(secretRef, other.secretRef);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(secretRef);
  }

  @Override
  public String toString() {
    return "connection via " + secretRef;
  }
}
