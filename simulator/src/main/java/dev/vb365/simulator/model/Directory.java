package dev.vb365.simulator.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The Microsoft 365 side and the backup infrastructure as a fixture describes them. These records are
 * also the fixture's JSON format; optional fields get the defaults shown in their constructors.
 */
public final class Directory {
  private Directory() {
  }

  public record Organization(UUID id, String name, String officeName, String description, UUID msid,
      String region, List<User> users, List<Group> groups, List<Site> sites, List<Team> teams) {
    public Organization {
      Objects.requireNonNull(id, "organization id");
      Objects.requireNonNull(name, "organization name");
      officeName = officeName == null ? name.split("\\.")[0] : officeName;
      description = description == null ? "" : description;
      region = region == null ? "Worldwide" : region;
      users = users == null ? List.of() : List.copyOf(users);
      groups = groups == null ? List.of() : List.copyOf(groups);
      sites = sites == null ? List.of() : List.copyOf(sites);
      teams = teams == null ? List.of() : List.copyOf(teams);
    }
  }

  /** A copy with other users, groups, sites and teams. */
  public static Organization withObjects(Organization o, List<User> users, List<Group> groups, List<Site> sites,
      List<Team> teams) {
    return new Organization(o.id(), o.name(), o.officeName(), o.description(), o.msid(), o.region(), users, groups,
        sites, teams);
  }

  /**
   * A directory object's version as v8 shows it ({@code eTag}): a fixture may set it (default 1); a change made
   * at run time (the /_sim/directory controls) steps it by one, whatever a control body says.
   */
  private static long eTagOrFirst(Long eTag) {
    if (eTag != null && eTag < 1) {
      throw new IllegalArgumentException("eTag must be at least 1, not " + eTag);
    }
    return eTag == null ? 1L : eTag;
  }

  /** The value of {@code allowed} that equals {@code value} ignoring case, or {@code fallback} when it is null. */
  private static String oneOf(String value, String fallback, String field, String... allowed) {
    if (value == null) {
      return fallback;
    }
    for (String a : allowed) {
      if (a.equalsIgnoreCase(value)) {
        return a;
      }
    }
    throw new IllegalArgumentException(field + " '" + value + "' is not one of " + String.join(", ", allowed));
  }

  private static final String[] LOCATION_TYPES = {"Cloud", "OnPremises", "Hybrid"};
  private static final String[] SKU_TYPES = {"Other", "Education"};

  /**
   * A licence assigned to a user (RESTOfficeLicense, v8): the service SKU's id and part number (for example
   * {@code SPE_E3}) and its detected type, Other or Education.
   */
  public record License(UUID skuId, String skuPartNumber, String detectedSkuType) {
    public License {
      Objects.requireNonNull(skuId, "licence skuId");
      Objects.requireNonNull(skuPartNumber, "licence skuPartNumber");
      detectedSkuType = oneOf(detectedSkuType, "Other", "licence detectedSkuType", SKU_TYPES);
    }
  }

  /**
   * name is the user principal name; type is User, Shared (a shared mailbox) or Public (public folders);
   * locationType is Cloud, OnPremises or Hybrid. assignedLicenses is empty for an unlicensed user.
   * detectedSkuType (what the v8 filter of that name matches) defaults to Education when a licence is of that
   * type, else Other.
   */
  public record User(String id, String name, String displayName, String type, String locationType, String office,
      UUID msid, String detectedSkuType, List<License> assignedLicenses, Long eTag) {
    public User {
      Objects.requireNonNull(id, "user id");
      Objects.requireNonNull(name, "user name");
      displayName = displayName == null ? name : displayName;
      type = oneOf(type, "User", "user type", "User", "Shared", "Public");
      locationType = oneOf(locationType, "Cloud", "user locationType", LOCATION_TYPES);
      office = office == null ? "" : office;
      assignedLicenses = assignedLicenses == null ? List.of() : List.copyOf(assignedLicenses);
      detectedSkuType = oneOf(detectedSkuType, assignedLicenses.stream()
          .anyMatch(l -> l.detectedSkuType().equals("Education")) ? "Education" : "Other",
          "user detectedSkuType", SKU_TYPES);
      eTag = eTagOrFirst(eTag);
    }

    public User withETag(long next) {
      return new User(id, name, displayName, type, locationType, office, msid, detectedSkuType, assignedLicenses,
          next);
    }
  }

  /** type is Office365, Security, Distribution or DynamicDistribution. */
  public record Group(String id, String name, String displayName, String type, String locationType,
      String managedBy, String site, UUID msid, Long eTag) {
    public Group {
      Objects.requireNonNull(id, "group id");
      Objects.requireNonNull(name, "group name");
      displayName = displayName == null ? name : displayName;
      type = oneOf(type, "Office365", "group type", "Office365", "Security", "Distribution", "DynamicDistribution");
      locationType = oneOf(locationType, "Cloud", "group locationType", LOCATION_TYPES);
      eTag = eTagOrFirst(eTag);
    }

    public Group withETag(long next) {
      return new Group(id, name, displayName, type, locationType, managedBy, site, msid, next);
    }
  }

  /** isPersonal: a user's OneDrive site (https://tenant-my.sharepoint.com/personal/...). */
  public record Site(String id, String url, String title, String name, String parentUrl, boolean isPersonal,
      Long eTag) {
    public Site {
      Objects.requireNonNull(id, "site id");
      Objects.requireNonNull(url, "site url");
      title = title == null ? url : title;
      name = name == null ? title : name;
      eTag = eTagOrFirst(eTag);
    }

    public Site withETag(long next) {
      return new Site(id, url, title, name, parentUrl, isPersonal, next);
    }
  }

  public record Team(UUID id, String displayName, String description, String mail, Long eTag) {
    public Team {
      Objects.requireNonNull(id, "team id");
      Objects.requireNonNull(displayName, "team displayName");
      description = description == null ? "" : description;
      mail = mail == null ? displayName + "@example.invalid" : mail;
      eTag = eTagOrFirst(eTag);
    }

    public Team withETag(long next) {
      return new Team(id, displayName, description, mail, next);
    }
  }

  public record Repository(UUID id, String name, String description, String path, UUID proxyId, boolean isLongTerm,
      long capacityBytes, long freeSpaceBytes, String retentionPeriodType, String yearlyRetentionPeriod) {
    public Repository {
      Objects.requireNonNull(id, "repository id");
      Objects.requireNonNull(name, "repository name");
      description = description == null ? "" : description;
      path = path == null ? "C:\\VeeamRepository" : path;
      retentionPeriodType = retentionPeriodType == null ? "Yearly" : retentionPeriodType;
      yearlyRetentionPeriod = yearlyRetentionPeriod == null ? "Years3" : yearlyRetentionPeriod;
    }
  }

  public record Proxy(UUID id, String hostName, String description, Integer port) {
    public Proxy {
      Objects.requireNonNull(id, "proxy id");
      Objects.requireNonNull(hostName, "proxy hostName");
      description = description == null ? "" : description;
      port = port == null ? 9193 : port;
    }
  }
}
