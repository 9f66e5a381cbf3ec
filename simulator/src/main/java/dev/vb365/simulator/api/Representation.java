package dev.vb365.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.simulator.ApiVersion;
import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.Json;
import dev.vb365.simulator.model.BackupWindow;
import dev.vb365.simulator.model.CopySchedulePolicy;
import dev.vb365.simulator.model.Directory;
import dev.vb365.simulator.model.DirectoryIndex;
import dev.vb365.simulator.model.ItemType;
import dev.vb365.simulator.model.JobItem;
import dev.vb365.simulator.model.NextRunCalculator;
import dev.vb365.simulator.model.SchedulePolicy;
import dev.vb365.simulator.store.CopyJob;
import dev.vb365.simulator.store.Job;
import dev.vb365.simulator.store.JobSession;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * Renders stored state as the wire bodies of one API version. Bodies are built in their v8 shape and the
 * properties an older version's schema lacks are left out, so each version's difference is listed once.
 */
public final class Representation {
  /**
   * Properties of directory objects (users, groups, sites, teams) that v6/v7 schemas do not have: RESTUser,
   * RESTGroup, RESTSite, RESTJobSite and RESTTeam gained eTag, msid and dataLocation in v8, RESTUser also
   * assignedLicenses. v6 has neither a user's office nor onPremisesSid.
   */
  private static final Set<String> NOT_BEFORE_V8 = Set.of("eTag", "msid", "dataLocation", "assignedLicenses");
  private static final Set<String> NOT_IN_V6 = Set.of("office", "onPremisesSid");
  private static final DateTimeFormatter DAILY_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final ApiVersion version;
  private final DirectoryIndex directory;

  public Representation(ApiVersion version, DirectoryIndex directory) {
    this.version = version;
    this.directory = directory;
  }

  private String href(String base, String path) {
    return base + version.prefix() + path;
  }

  private static ObjectNode links(String... relAndHref) {
    ObjectNode links = Json.object();
    for (int i = 0; i < relAndHref.length; i += 2) {
      links.set(relAndHref[i], Json.object().put("href", relAndHref[i + 1]));
    }
    return links;
  }

  private ObjectNode directoryObject(ObjectNode o) {
    if (version != ApiVersion.V8) {
      o.remove(NOT_BEFORE_V8);
    }
    if (version == ApiVersion.V6) {
      o.remove(NOT_IN_V6);
    }
    return o;
  }

  public ObjectNode error(ApiException e) {
    ObjectNode body = Json.object().put("message", e.getMessage());
    if (version.hasErrorCodes() && e.errorCode() != null) {
      body.put("errorCode", e.errorCode().name());
    }
    return body;
  }

  public ObjectNode page(int offset, int limit, List<? extends com.fasterxml.jackson.databind.JsonNode> results) {
    ObjectNode page = Json.object().put("offset", offset).put("limit", limit);
    ArrayNode array = page.putArray("results");
    results.forEach(array::add);
    return page;
  }

  public ObjectNode organization(Directory.Organization o, Instant firstBackup, Instant lastBackup, String base) {
    ObjectNode n = Json.object();
    n.put("isTeamsOnline", true);
    n.put("isTeamsChatsOnline", false);
    n.put("isExchangeOnline", true);
    n.put("isSharePointOnline", true);
    n.put("type", "Office365");
    n.put("region", o.region());
    n.put("id", o.id().toString());
    n.put("name", o.name());
    n.put("officeName", o.officeName());
    if (version != ApiVersion.V6) {
      n.put("description", o.description());
    }
    n.put("isBackedup", lastBackup != null);
    if (firstBackup != null) {
      n.put("firstBackuptime", Json.time(firstBackup));
      n.put("lastBackuptime", Json.time(lastBackup));
    }
    if (version == ApiVersion.V8 && o.msid() != null) {
      n.put("msid", o.msid().toString());
    }
    String self = href(base, "/Organizations/" + o.id());
    n.set("_links", links("self", self, "users", self + "/Users", "groups", self + "/Groups", "sites",
        self + "/Sites", "teams", self + "/Teams", "jobs", href(base, "/Jobs?organizationId=" + o.id())));
    return n;
  }

  /** RESTUser: v8 adds eTag, assignedLicenses (RESTOfficeLicense, empty for an unlicensed user) and msid. */
  public ObjectNode user(Directory.Organization org, Directory.User u, String base) {
    ObjectNode n = Json.object();
    n.put("id", u.id());
    n.put("eTag", u.eTag());
    n.put("displayName", u.displayName());
    n.put("name", u.name());
    n.put("type", u.type());
    n.put("locationType", u.locationType());
    n.put("office", u.office());
    ArrayNode licenses = n.putArray("assignedLicenses");
    for (Directory.License l : u.assignedLicenses()) {
      licenses.addObject().put("skuId", l.skuId().toString()).put("skuPartNumber", l.skuPartNumber())
          .put("detectedSkuType", l.detectedSkuType());
    }
    if (u.msid() != null) {
      n.put("msid", u.msid().toString());
    }
    String orgHref = href(base, "/Organizations/" + org.id());
    n.set("_links", links("self", orgHref + "/Users/" + u.id(), "organization", orgHref));
    return directoryObject(n);
  }

  public ObjectNode group(Directory.Organization org, Directory.Group g, String base) {
    ObjectNode n = Json.object();
    n.put("id", g.id());
    n.put("eTag", g.eTag());
    n.put("displayName", g.displayName());
    n.put("name", g.name());
    if (g.managedBy() != null) {
      n.put("managedBy", g.managedBy());
    }
    if (g.site() != null) {
      n.put("site", g.site());
    }
    n.put("type", g.type());
    n.put("locationType", g.locationType());
    if (g.msid() != null) {
      n.put("msid", g.msid().toString());
    }
    String orgHref = href(base, "/Organizations/" + org.id());
    n.set("_links", links("self", orgHref + "/Groups/" + g.id(), "organization", orgHref));
    return directoryObject(n);
  }

  /** RESTSite (organization sites) or, with {@code inJob}, RESTJobSite (the site inside a job item). */
  public ObjectNode site(Directory.Organization org, Directory.Site s, String base, boolean inJob) {
    ObjectNode n = Json.object();
    n.put("id", s.id());
    n.put("eTag", s.eTag());
    n.put("url", s.url());
    if (s.parentUrl() != null) {
      n.put("parentUrl", s.parentUrl());
    }
    n.put("name", s.name());
    n.put("isCloud", true);
    n.put("isPersonal", s.isPersonal());
    n.put("title", s.title());
    if (!inJob) {
      n.put("isAvailable", true);
    }
    String orgHref = href(base, "/Organizations/" + org.id());
    n.set("_links", links("self", orgHref + "/Sites/" + s.id(), "organization", orgHref));
    return directoryObject(n);
  }

  public ObjectNode team(Directory.Organization org, Directory.Team t, String base) {
    ObjectNode n = Json.object();
    n.put("id", t.id().toString());
    n.put("eTag", t.eTag());
    n.put("displayName", t.displayName());
    n.put("description", t.description());
    n.put("mail", t.mail());
    n.put("msid", t.id().toString());
    String orgHref = href(base, "/Organizations/" + org.id());
    n.set("_links", links("self", orgHref + "/Teams/" + t.id(), "organization", orgHref));
    return directoryObject(n);
  }

  public ObjectNode repository(Directory.Repository r, String base) {
    ObjectNode n = Json.object();
    n.put("objectStorageEncryptionEnabled", false);
    n.put("capacityBytes", r.capacityBytes());
    n.put("freeSpaceBytes", r.freeSpaceBytes());
    n.put("id", r.id().toString());
    n.put("name", r.name());
    n.put("description", r.description());
    n.put("path", r.path());
    n.put("retentionType", "ItemLevel");
    n.put("retentionPeriodType", r.retentionPeriodType());
    if (r.retentionPeriodType().equals("Yearly")) {
      n.put("yearlyRetentionPeriod", r.yearlyRetentionPeriod());
    }
    n.put("retentionFrequencyType", "Daily");
    n.put("dailyTime", "00:00:00");
    n.put("dailyType", "Everyday");
    if (r.proxyId() != null) {
      n.put("proxyId", r.proxyId().toString());
    }
    n.put("isLongTerm", r.isLongTerm());
    if (version == ApiVersion.V8) {
      n.put("isOutdated", false);
    }
    n.put("isOutOfSync", false);
    if (version == ApiVersion.V8) {
      n.put("isIndexed", true);
      n.put("isMigrationLocked", false);
      n.put("isOutOfOrder", false);
    }
    n.set("_links", links("self", href(base, "/BackupRepositories/" + r.id())));
    return n;
  }

  public ObjectNode proxy(Directory.Proxy p, String base) {
    ObjectNode n = Json.object();
    n.put("type", "Local");
    n.put("useInternetProxy", false);
    if (version == ApiVersion.V8) {
      n.put("operatingSystem", "Windows");
    }
    n.put("id", p.id().toString());
    n.put("hostName", p.hostName());
    if (version != ApiVersion.V6) {
      n.put("fqdn", p.hostName());
    }
    n.put("description", p.description());
    n.put("port", p.port());
    n.put("enableNetworkThrottling", false);
    n.put("status", "Online");
    if (version == ApiVersion.V8) {
      n.put("maintenanceModeState", "Disabled");
      n.putArray("role").add("Processor");
    }
    n.set("_links", links("self", href(base, "/Proxies/" + p.id())));
    return n;
  }

  public ObjectNode job(Job job, Instant now, String base) {
    ObjectNode n = Json.object();
    n.put("description", job.description());
    n.put("backupType", job.backupType().name());
    n.set("schedulePolicy", schedule(job.schedulePolicy()));
    n.put("id", job.id().toString());
    if (version == ApiVersion.V8) {
      n.put("organizationId", job.organizationId().toString());
    }
    n.put("repositoryId", job.repositoryId().toString());
    n.put("name", job.name());
    if (job.lastRun() != null) {
      n.put("lastRun", Json.time(job.lastRun()));
    }
    NextRunCalculator.nextRun(job.schedulePolicy(), job.enabled(), now).ifPresent(t -> n.put("nextRun", Json.time(t)));
    if (job.lastBackup() != null && version != ApiVersion.V6) {
      n.put("lastBackup", Json.time(job.lastBackup()));
    }
    n.put("isEnabled", job.enabled());
    n.put("lastStatus", job.lastStatus() == null ? "Stopped" : job.lastStatus());
    if (version.hasEtagsAndEvents()) {
      n.put("eTag", job.eTag());
    }
    String self = href(base, "/Jobs/" + job.id());
    n.set("_links", links("self", self, "organization", href(base, "/Organizations/" + job.organizationId()),
        "backupRepository", href(base, "/BackupRepositories/" + job.repositoryId()),
        "selectedItems", self + "/SelectedItems", "excludedItems", self + "/ExcludedItems"));
    return n;
  }

  /**
   * RESTCopyJob: organizationId and eTag only in v8, lastBackup from v7; no description (the schema has none).
   */
  public ObjectNode copyJob(CopyJob job, Instant now, String base) {
    ObjectNode n = Json.object();
    n.put("backupJobId", job.backupJobId().toString());
    n.set("schedulePolicy", copySchedule(job.schedulePolicy()));
    n.put("id", job.id().toString());
    if (version == ApiVersion.V8) {
      n.put("organizationId", job.organizationId().toString());
    }
    n.put("repositoryId", job.repositoryId().toString());
    n.put("name", job.name());
    if (job.lastRun() != null) {
      n.put("lastRun", Json.time(job.lastRun()));
    }
    NextRunCalculator.nextRun(job.schedulePolicy().asJobSchedule(), job.enabled(), now)
        .ifPresent(t -> n.put("nextRun", Json.time(t)));
    if (job.lastBackup() != null && version != ApiVersion.V6) {
      n.put("lastBackup", Json.time(job.lastBackup()));
    }
    n.put("isEnabled", job.enabled());
    n.put("lastStatus", job.lastStatus() == null ? "Stopped" : job.lastStatus());
    if (version.hasEtagsAndEvents()) {
      n.put("eTag", job.eTag());
    }
    String self = href(base, "/CopyJobs/" + job.id());
    n.set("_links", links("self", self, "backupJob", self + "/BackupJob",
        "organization", href(base, "/Organizations/" + job.organizationId()),
        "backupRepository", href(base, "/BackupRepositories/" + job.repositoryId())));
    return n;
  }

  /** RESTCopyJobSchedulePolicy (the same properties in v6, v7 and v8). */
  public ObjectNode copySchedule(CopySchedulePolicy p) {
    ObjectNode n = Json.object();
    n.put("type", p.type().name());
    if (p.periodicallyEvery() != null) {
      n.put("periodicallyEvery", p.periodicallyEvery().name());
    }
    if (p.dailyType() != null) {
      n.put("dailyType", p.dailyType().name());
    }
    if (p.dailyTime() != null) {
      n.put("dailyTime", DAILY_TIME.format(p.dailyTime()));
    }
    n.put("backupCopyWindowEnabled", p.windowEnabled());
    if (p.window() != null) {
      n.set("backupCopyWindowSettings", window(p.window()));
    }
    return n;
  }

  public ObjectNode schedule(SchedulePolicy p) {
    ObjectNode n = Json.object();
    n.put("scheduleEnabled", p.scheduleEnabled());
    n.put("backupWindowEnabled", p.backupWindowEnabled());
    if (p.backupWindow() != null) {
      n.set("backupWindowSettings", window(p.backupWindow()));
    }
    if (version != ApiVersion.V6) {
      n.put("periodicallyWindowEnabled", p.periodicallyWindowEnabled());
    }
    if (p.periodicallyWindow() != null) {
      n.set("periodicallyWindowSettings", window(p.periodicallyWindow()));
    }
    if (p.periodicallyOffsetMinutes() != null) {
      n.put("periodicallyOffsetMinutes", p.periodicallyOffsetMinutes());
    }
    n.put("type", p.type().name());
    if (p.periodicallyEvery() != null) {
      n.put("periodicallyEvery", p.periodicallyEvery().name());
    }
    if (p.dailyType() != null) {
      n.put("dailyType", p.dailyType().name());
      n.put("dailyTime", DAILY_TIME.format(p.dailyTime()));
    }
    n.put("retryEnabled", p.retryEnabled());
    n.put("retryNumber", p.retryNumber());
    n.put("retryWaitInterval", p.retryWaitInterval());
    return n;
  }

  private static ObjectNode window(BackupWindow w) {
    ObjectNode n = Json.object();
    ArrayNode hours = n.putArray("backupWindow");
    w.hours().forEach(hours::add);
    n.put("minuteOffset", w.minuteOffset());
    return n;
  }

  public ObjectNode item(Job job, JobItem item, String listResource, String base) {
    Directory.Organization org = directory.organization(job.organizationId(), "organizationId");
    ObjectNode n = Json.object();
    n.put("type", item.type().name());
    switch (item.type()) {
      // An object removed from the directory since is shown as it was (VB365 keeps what the item was).
      case User -> n.set("user", user(org, directory.user(org, item.objectId())
          .or(() -> directory.removed(item.objectId(), Directory.User.class)).orElseThrow(), base));
      case Group -> n.set("group", group(org, directory.group(org, item.objectId())
          .or(() -> directory.removed(item.objectId(), Directory.Group.class)).orElseThrow(), base));
      case Site -> n.set("site", site(org, directory.site(org, item.objectId())
          .or(() -> directory.removed(item.objectId(), Directory.Site.class)).orElseThrow(), base, true));
      case Team -> n.set("team", team(org, directory.team(org, item.objectId())
          .or(() -> directory.removed(item.objectId(), Directory.Team.class)).orElseThrow(), base));
      case OneDriveFolders -> {
        ArrayNode folders = n.putArray("folders");
        item.folders().forEach(folders::add);
      }
      default -> {
        // PartialOrganization and PersonalSites reference the job's organization itself.
      }
    }
    item.options().forEach((name, value) -> n.put(optionName(item.type(), name), value));
    n.put("id", item.id());
    String jobHref = href(base, "/Jobs/" + job.id());
    n.set("_links", links("self", jobHref + "/" + listResource + "/" + item.id(), "job", jobHref));
    return n;
  }

  /** v6 calls a team item's chat option "chats"; v7 renamed it "teamsChats". */
  public String optionName(ItemType type, String option) {
    return version == ApiVersion.V6 && type == ItemType.Team && option.equals("teamsChats") ? "chats" : option;
  }

  public ObjectNode session(JobSession s, String base) {
    ObjectNode n = Json.object();
    n.put("id", s.id().toString());
    if (version == ApiVersion.V8) {
      n.put("jobId", s.jobId().toString());
    }
    if (version != ApiVersion.V6) {
      n.put("repositoryId", s.repositoryId().toString());
      n.put("mainSessionId", s.id().toString());
    }
    n.put("details", "");
    n.put("creationTime", Json.time(s.creationTime()));
    if (s.endTime() != null) {
      n.put("endTime", Json.time(s.endTime()));
    }
    n.put("retryCount", 0);
    if (version != ApiVersion.V6) {
      n.put("jobWillBeRetried", false);
    }
    n.put("progress", s.running() ? 0 : 100);
    if (version != ApiVersion.V6) {
      n.put("jobType", s.jobType());
    }
    if (version == ApiVersion.V8) {
      n.put("jobSessionConfigType", s.full() ? "Full" : "Incremental");
    }
    n.put("status", s.status());
    ObjectNode stats = n.putObject("statistics");
    stats.put("processingRateBytesPS", 0).put("processingRateItemsPS", 0).put("readRateBytesPS", 0)
        .put("writeRateBytesPS", 0).put("transferredDataBytes", 0).put("processedObjects", s.processedObjects())
        .put("bottleneck", s.running() ? "Detecting" : "NA");
    if (version == ApiVersion.V8) {
      n.put("eTag", s.eTag());
      if (s.proxyId() != null) {
        n.put("proxyId", s.proxyId().toString());
      }
    }
    n.set("_links", links("self", href(base, "/JobSessions/" + s.id()),
        "job", href(base, (s.copy() ? "/CopyJobs/" : "/Jobs/") + s.jobId())));
    return n;
  }
}
