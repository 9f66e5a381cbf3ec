package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/** A SharePoint site named by its URL, its name or its VB365 id (exactly one). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "[has(self.url), has(self.name), has(self.id)].filter(x, x).size() == 1",
    message = "set exactly one of url, name or id")
public class SiteReference {

  @JsonPropertyDescription("Address of the site, e.g. https://contoso.sharepoint.com/sites/finance "
      + "(compared case-insensitively, a trailing slash ignored). The most stable way to name a site.")
  @Pattern("^https?://[^\\s]+$")
  @Size(max = 2048)
  private String url;

  @JsonPropertyDescription("Name (title) of the site as VB365 lists it; must be unique in the organization.")
  @Size(min = 1, max = 256)
  private String name;

  @JsonPropertyDescription("VB365 id of the site.")
  @Size(min = 1, max = 256)
  private String id;

  public SiteReference() {
  }

  public SiteReference(String url, String name, String id) {
    this.url = url;
    this.name = name;
    this.id = id;
  }

  public static SiteReference byUrl(String url) {
    return new SiteReference(url, null, null);
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
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
    return o instanceof SiteReference other && Objects.equals(url, other.url) && Objects.equals(name, other.name)
        && Objects.equals(id, other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, name, id);
  }

  @Override
  public String toString() {
    return id != null ? "id " + id : url != null ? "url " + url : "name " + name;
  }
}
