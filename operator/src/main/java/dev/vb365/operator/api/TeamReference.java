package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/** A Microsoft Team named by its display name, its mail address or its VB365 id (exactly one). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "[has(self.name), has(self.mail), has(self.id)].filter(x, x).size() == 1",
    message = "set exactly one of name, mail or id")
public class TeamReference {

  @JsonPropertyDescription("Display name of the team (case-insensitive); must be unique in the organization.")
  @Size(min = 1, max = 256)
  private String name;

  @JsonPropertyDescription("Mail address of the team, e.g. finance-team@contoso.onmicrosoft.com (case-insensitive).")
  @Size(min = 3, max = 320)
  private String mail;

  @JsonPropertyDescription("VB365 id of the team.")
  @Size(min = 1, max = 256)
  private String id;

  public TeamReference() {
  }

  public TeamReference(String name, String mail, String id) {
    this.name = name;
    this.mail = mail;
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getMail() {
    return mail;
  }

  public void setMail(String mail) {
    this.mail = mail;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TeamReference other && Objects.equals(name, other.name) && Objects.equals(mail, other.mail)
        && Objects.equals(id, other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, mail, id);
  }

  @Override
  public String toString() {
    return id != null ? "id " + id : mail != null ? "mail " + mail : "name " + name;
  }
}
