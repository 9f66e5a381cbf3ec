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

  /** name is the user principal name; locationType is Cloud, OnPremises or Hybrid. */
  public record User(String id, String name, String displayName, String type, String locationType, String office,
      UUID msid, String detectedSkuType) {
    public User {
      Objects.requireNonNull(id, "user id");
      Objects.requireNonNull(name, "user name");
      displayName = displayName == null ? name : displayName;
      type = type == null ? "User" : type;
      locationType = locationType == null ? "Cloud" : locationType;
      office = office == null ? "" : office;
      detectedSkuType = detectedSkuType == null ? "Other" : detectedSkuType;
    }
  }

  public record Group(String id, String name, String displayName, String type, String locationType,
      String managedBy, String site, UUID msid) {
    public Group {
      Objects.requireNonNull(id, "group id");
      Objects.requireNonNull(name, "group name");
      displayName = displayName == null ? name : displayName;
      type = type == null ? "Office365" : type;
      locationType = locationType == null ? "Cloud" : locationType;
    }
  }

  public record Site(String id, String url, String title, String name, String parentUrl, boolean isPersonal) {
    public Site {
      Objects.requireNonNull(id, "site id");
      Objects.requireNonNull(url, "site url");
      title = title == null ? url : title;
      name = name == null ? title : name;
    }
  }

  public record Team(UUID id, String displayName, String description, String mail) {
    public Team {
      Objects.requireNonNull(id, "team id");
      Objects.requireNonNull(displayName, "team displayName");
      description = description == null ? "" : description;
      mail = mail == null ? displayName + "@example.invalid" : mail;
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
