package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A selection rule: every directory object of the item's type that matches all of the rule's conditions, instead of
 * one object named in the spec. Re-evaluated as the directory changes, so the job follows the tenant.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DirectoryRule {

  /** Default of maxItems: a rule that matches more selects this many and says so. */
  public static final int DEFAULT_MAX_ITEMS = 1000;

  /** Patterns: one or more characters, no whitespace; * matches any run of characters, ? one character. */
  static final String PATTERN = "^\\S{1,512}$";

  @JsonPropertyDescription("Users (type User) of these kinds: User, Shared (shared mailboxes), Public (public folder "
      + "mailboxes).")
  @Size(min = 1, max = 3)
  private List<MailboxType> userTypes;

  @JsonPropertyDescription("Users (type User) whose office is one of these (exact, ignoring case).")
  @Size(min = 1, max = 100)
  private List<@Size(min = 1, max = 256) String> offices;

  @JsonPropertyDescription("Users (type User) with at least one licence (true) or none (false). Needs API v8.")
  private Boolean licensed;

  @JsonPropertyDescription("Users (type User) holding this licence, by its SKU part number (e.g. ENTERPRISEPACK, "
      + "ignoring case). Needs API v8.")
  @Size(min = 1, max = 256)
  private String licenseSku;

  @JsonPropertyDescription("A pattern on the user's UPN, the group's name or the team's name (ignoring case): * "
      + "matches any run of characters, ? one character, e.g. *@contoso.com or sales-*.")
  @Pattern(PATTERN)
  private String namePattern;

  @JsonPropertyDescription("Groups (type Group) of these kinds: Office365, Security, Distribution, "
      + "DynamicDistribution.")
  @Size(min = 1, max = 4)
  private List<GroupType> groupTypes;

  @JsonPropertyDescription("A pattern on the site's URL (type Site, ignoring case and a trailing /), e.g. "
      + "https://contoso.sharepoint.com/sites/project-*.")
  @Pattern(PATTERN)
  private String urlPattern;

  @JsonPropertyDescription("Sites (type Site): personal sites (OneDrive) only (true) or none of them (false). "
      + "Default: sites that are not personal.")
  private Boolean personal;

  @JsonPropertyDescription("At most this many objects (the first by name); a rule that matches more selects this "
      + "many and a Warning says so. Default 1000.")
  @Min(1)
  @Max(5000)
  private Integer maxItems;

  public List<MailboxType> getUserTypes() {
    return userTypes;
  }

  public void setUserTypes(List<MailboxType> userTypes) {
    this.userTypes = userTypes == null ? null : new ArrayList<>(userTypes);
  }

  public List<String> getOffices() {
    return offices;
  }

  public void setOffices(List<String> offices) {
    this.offices = offices == null ? null : new ArrayList<>(offices);
  }

  public Boolean getLicensed() {
    return licensed;
  }

  public void setLicensed(Boolean licensed) {
    this.licensed = licensed;
  }

  public String getLicenseSku() {
    return licenseSku;
  }

  public void setLicenseSku(String licenseSku) {
    this.licenseSku = licenseSku;
  }

  public String getNamePattern() {
    return namePattern;
  }

  public void setNamePattern(String namePattern) {
    this.namePattern = namePattern;
  }

  public List<GroupType> getGroupTypes() {
    return groupTypes;
  }

  public void setGroupTypes(List<GroupType> groupTypes) {
    this.groupTypes = groupTypes == null ? null : new ArrayList<>(groupTypes);
  }

  public String getUrlPattern() {
    return urlPattern;
  }

  public void setUrlPattern(String urlPattern) {
    this.urlPattern = urlPattern;
  }

  public Boolean getPersonal() {
    return personal;
  }

  public void setPersonal(Boolean personal) {
    this.personal = personal;
  }

  public Integer getMaxItems() {
    return maxItems;
  }

  public void setMaxItems(Integer maxItems) {
    this.maxItems = maxItems;
  }

  public int effectiveMaxItems() {
    return maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DirectoryRule other && Objects.equals(userTypes, other.userTypes)
        && Objects.equals(offices, other.offices) && Objects.equals(licensed, other.licensed)
        && Objects.equals(licenseSku, other.licenseSku) && Objects.equals(namePattern, other.namePattern)
        && Objects.equals(groupTypes, other.groupTypes) && Objects.equals(urlPattern, other.urlPattern)
        && Objects.equals(personal, other.personal) && Objects.equals(maxItems, other.maxItems);
  }

  @Override
  public int hashCode() {
    return Objects.hash(userTypes, offices, licensed, licenseSku, namePattern, groupTypes, urlPattern, personal,
        maxItems);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (userTypes != null) {
      parts.add("userTypes=" + userTypes);
    }
    if (offices != null) {
      parts.add("offices=" + offices);
    }
    if (licensed != null) {
      parts.add("licensed=" + licensed);
    }
    if (licenseSku != null) {
      parts.add("licenseSku=" + licenseSku);
    }
    if (namePattern != null) {
      parts.add("namePattern=" + namePattern);
    }
    if (groupTypes != null) {
      parts.add("groupTypes=" + groupTypes);
    }
    if (urlPattern != null) {
      parts.add("urlPattern=" + urlPattern);
    }
    if (personal != null) {
      parts.add("personal=" + personal);
    }
    return "match{" + String.join(", ", parts) + "}";
  }
}
