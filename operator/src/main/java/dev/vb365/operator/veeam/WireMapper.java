package dev.vb365.operator.veeam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.operator.veeam.model.BackupType;
import dev.vb365.operator.veeam.model.BackupWindow;
import dev.vb365.operator.veeam.model.ChangeEvent;
import dev.vb365.operator.veeam.model.CopyJob;
import dev.vb365.operator.veeam.model.CopyJobSettings;
import dev.vb365.operator.veeam.model.CopySchedulePolicy;
import dev.vb365.operator.veeam.model.CopyScheduleType;
import dev.vb365.operator.veeam.model.DailyType;
import dev.vb365.operator.veeam.model.EventType;
import dev.vb365.operator.veeam.model.Group;
import dev.vb365.operator.veeam.model.ItemType;
import dev.vb365.operator.veeam.model.Job;
import dev.vb365.operator.veeam.model.JobEdit;
import dev.vb365.operator.veeam.model.JobItem;
import dev.vb365.operator.veeam.model.JobSession;
import dev.vb365.operator.veeam.model.JobStatus;
import dev.vb365.operator.veeam.model.NewJob;
import dev.vb365.operator.veeam.model.OpenEnum;
import dev.vb365.operator.veeam.model.Organization;
import dev.vb365.operator.veeam.model.PeriodicInterval;
import dev.vb365.operator.veeam.model.Proxy;
import dev.vb365.operator.veeam.model.Repository;
import dev.vb365.operator.veeam.model.SchedulePolicy;
import dev.vb365.operator.veeam.model.ScheduleType;
import dev.vb365.operator.veeam.model.Site;
import dev.vb365.operator.veeam.model.Team;
import dev.vb365.operator.veeam.model.User;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pure translation between the wire format of each API version and the version-independent model. */
final class WireMapper {

    private static final Logger LOG = LoggerFactory.getLogger(WireMapper.class);
    private static final Set<String> WARNED_TIMES = ConcurrentHashMap.newKeySet();
    private static final DateTimeFormatter DAILY_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private WireMapper() {
    }

    // ---- reading -------------------------------------------------------------------------------

    static Organization organization(Wire.Organization w) {
        return new Organization(w.id(), w.name(), w.officeName(), w.type());
    }

    static Repository repository(Wire.Repository w) {
        return new Repository(w.id(), w.name(), w.description(), w.proxyId(), w.proxyPoolId(), w.organizationId(),
                w.isLongTerm());
    }

    static Proxy proxy(Wire.Proxy w) {
        return new Proxy(w.id(), w.hostName(), w.fqdn(), w.status());
    }

    static User user(Wire.User w) {
        return w == null ? null : new User(w.id(), w.name(), w.displayName(), w.type(), w.locationType(), w.office(),
                w.assignedLicenses() == null ? null : w.assignedLicenses().stream()
                        .map(l -> l.skuPartNumber() != null ? l.skuPartNumber() : l.skuId()).toList());
    }

    static Group group(Wire.Group w) {
        return w == null ? null : new Group(w.id(), w.name(), w.displayName(), w.type(), w.locationType());
    }

    static Site site(Wire.Site w) {
        return w == null ? null
                : new Site(w.id(), w.url(), w.name(), w.title(), w.parentUrl(), w.isCloud(), w.isPersonal());
    }

    static Team team(Wire.Team w) {
        return w == null ? null : new Team(w.id(), w.displayName(), w.mail(), w.description());
    }

    /**
     * A job. {@code listedUnder} is the organization the job was listed under (v6/v7 job bodies have
     * no organizationId; their links may name it).
     */
    static Job job(Wire.Job w, String listedUnder) {
        String organizationId = w.organizationId() != null ? w.organizationId()
                : listedUnder != null ? listedUnder : lastSegment(w.links(), "organization");
        return new Job(w.id(), w.name(), w.description(), organizationId, w.repositoryId(),
                OpenEnum.parse(BackupType.class, w.backupType()), Boolean.TRUE.equals(w.isEnabled()),
                schedule(w.schedulePolicy()), w.lastRun(), w.nextRun(), w.lastBackup(),
                OpenEnum.parse(JobStatus.class, w.lastStatus()), w.eTag());
    }

    static SchedulePolicy schedule(Wire.SchedulePolicy w) {
        if (w == null) {
            return null;
        }
        Wire.BackupWindow window = w.backupWindowSettings() != null ? w.backupWindowSettings() : w.backupWindow();
        return new SchedulePolicy(w.scheduleEnabled(), OpenEnum.parse(ScheduleType.class, w.type()),
                OpenEnum.parse(PeriodicInterval.class, w.periodicallyEvery()), w.periodicallyOffsetMinutes(),
                w.periodicallyWindowEnabled(), window(w.periodicallyWindowSettings()),
                OpenEnum.parse(DailyType.class, w.dailyType()), dailyTime(w.dailyTime()), w.backupWindowEnabled(),
                window(window), w.retryEnabled(), w.retryNumber(), w.retryWaitInterval());
    }

    static CopyJob copyJob(Wire.CopyJob w) {
        if (w == null) {
            return null;
        }
        Wire.CopySchedulePolicy p = w.schedulePolicy();
        CopySchedulePolicy schedule = p == null ? null : new CopySchedulePolicy(
                OpenEnum.parse(CopyScheduleType.class, p.type()), OpenEnum.parse(PeriodicInterval.class,
                p.periodicallyEvery()), OpenEnum.parse(DailyType.class, p.dailyType()), dailyTime(p.dailyTime()),
                p.backupCopyWindowEnabled(), window(p.backupCopyWindowSettings()));
        return new CopyJob(w.id(), w.name(), w.backupJobId(), w.organizationId(), w.repositoryId(),
                Boolean.TRUE.equals(w.isEnabled()), schedule, w.lastRun(), w.nextRun(), w.lastBackup(),
                OpenEnum.parse(JobStatus.class, w.lastStatus()), w.eTag());
    }

    /** v8 RESTCreateCopyJob / RESTEditCopyJob; v6/v7 RESTCopyJob, which has no organizationId. */
    static Wire.CopyJobBody copyJobBody(CopyJobSettings s, ApiVersion version) {
        CopySchedulePolicy p = s.schedulePolicy();
        Wire.CopySchedulePolicy schedule = p == null ? null : new Wire.CopySchedulePolicy(OpenEnum.wireName(p.type()),
                OpenEnum.wireName(p.periodicallyEvery()), OpenEnum.wireName(p.dailyType()),
                p.dailyTime() == null ? null : DAILY_TIME.format(p.dailyTime()), p.backupCopyWindowEnabled(),
                windowBody(p.backupCopyWindowSettings()));
        return new Wire.CopyJobBody(s.backupJobId(), version == ApiVersion.V8 ? s.organizationId() : null,
                s.repositoryId(), s.isEnabled(), schedule);
    }

    static BackupWindow window(Wire.BackupWindow w) {
        return w == null ? null : new BackupWindow(w.backupWindow(), w.minuteOffset());
    }

    static JobItem item(Wire.JobItem w) {
        ItemType type = OpenEnum.parse(ItemType.class, w.type());
        if (type == null) {
            type = ItemType.UNKNOWN;
        }
        JsonNode siteNode = w.site();
        Site site = null;
        Boolean legacySite = null;
        if (siteNode != null && siteNode.isObject()) {
            site = site(VeeamJson.MAPPER.convertValue(siteNode, Wire.Site.class));
        } else if (siteNode != null && siteNode.isBoolean()) {
            legacySite = siteNode.booleanValue();
        }
        // Before v6 one boolean "site" meant the user's personal site, the group's site or the
        // organization's sites; v6 split it into personalSite, groupSite and sites.
        Boolean personalSite = w.personalSite() != null ? w.personalSite()
                : type == ItemType.USER ? legacySite : null;
        Boolean groupSite = w.groupSite() != null ? w.groupSite() : type == ItemType.GROUP ? legacySite : null;
        Boolean sites = w.sites() != null ? w.sites() : type == ItemType.PARTIAL_ORGANIZATION ? legacySite : null;
        Boolean teamsChats = w.teamsChats() != null ? w.teamsChats() : w.chats();
        return new JobItem(w.id(), type, user(w.user()), group(w.group()), site, team(w.team()), w.mailbox(),
                w.archiveMailbox(), w.oneDrive(), personalSite, sites, w.teams(), teamsChats, w.members(),
                w.memberMailbox(), w.memberArchiveMailbox(), w.memberOnedrive(), w.memberSite(), groupSite,
                w.folders());
    }

    static JobSession session(Wire.JobSession w) {
        Boolean full = w.jobSessionConfigType() == null ? null : "Full".equalsIgnoreCase(w.jobSessionConfigType());
        return new JobSession(w.id(), w.jobId(), OpenEnum.parse(JobStatus.class, w.status()), w.creationTime(),
                w.endTime(), w.details(), full, w.statistics() == null ? null : w.statistics().processedObjects(),
                w.statistics() == null ? null : w.statistics().transferredDataBytes(), w.retryCount(),
                w.jobWillBeRetried());
    }

    static ChangeEvent event(Wire.Event w) {
        EventType type = OpenEnum.parseQuietly(EventType.class, w.eventType());
        return new ChangeEvent(type == null ? EventType.UNKNOWN : type, w.id(), w.eTag(), w.jobId(),
                OpenEnum.parse(JobStatus.class, w.status()), w.jobType(), w.organizationId());
    }

    // ---- writing -------------------------------------------------------------------------------

    /** v8 RESTCreateBackupJob (with organizationId) or v6/v7 RESTJob (organization in the path). */
    static Wire.JobBody createBody(NewJob job, ApiVersion version) {
        return new Wire.JobBody(job.name(), job.description(),
                version == ApiVersion.V8 ? job.organizationId() : null, job.repositoryId(),
                OpenEnum.wireName(job.backupType()), job.isEnabled(), job.runNow(), scheduleBody(job.schedulePolicy(), version),
                job.selectedItems().isEmpty() ? null : itemBodies(job.selectedItems(), version),
                job.excludedItems().isEmpty() ? null : itemBodies(job.excludedItems(), version));
    }

    static Wire.JobBody editBody(JobEdit edit, ApiVersion version) {
        return new Wire.JobBody(edit.name(), edit.description(), null, edit.repositoryId(),
                OpenEnum.wireName(edit.backupType()), edit.isEnabled(), null, scheduleBody(edit.schedulePolicy(), version),
                edit.selectedItems() == null ? null : itemBodies(edit.selectedItems(), version),
                edit.excludedItems() == null ? null : itemBodies(edit.excludedItems(), version));
    }

    static List<Wire.JobItem> itemBodies(List<JobItem> items, ApiVersion version) {
        return items.stream().map(i -> itemBody(i, version)).toList();
    }

    static Wire.JobItem itemBody(JobItem item, ApiVersion version) {
        boolean v6Team = item.type() == ItemType.TEAM && version.teamChatsNamedChats();
        JsonNode site = item.site() == null ? null : VeeamJson.MAPPER.valueToTree(siteBody(item.site()));
        return new Wire.JobItem(OpenEnum.wireName(item.type()), item.id(), item.folders(), item.mailbox(),
                item.oneDrive(), item.archiveMailbox(), item.sites(), item.teams(),
                v6Team ? null : item.teamsChats(), v6Team ? item.teamsChats() : null, site, teamBody(item.team()),
                userBody(item.user()), item.personalSite(), groupBody(item.group()), item.members(),
                item.memberMailbox(), item.memberArchiveMailbox(), item.memberOneDrive(), item.memberSite(),
                item.groupSite());
    }

    /** RESTJobSchedulePolicy; v6's has no {@code periodicallyWindowEnabled} (and rejects unknown fields). */
    static Wire.SchedulePolicy scheduleBody(SchedulePolicy p, ApiVersion version) {
        if (p == null) {
            return null;
        }
        return new Wire.SchedulePolicy(p.scheduleEnabled(), OpenEnum.wireName(p.type()),
                OpenEnum.wireName(p.periodicallyEvery()), p.periodicallyOffsetMinutes(),
                version.hasPeriodicWindowSwitch() ? p.periodicallyWindowEnabled() : null,
                windowBody(p.periodicallyWindowSettings()), OpenEnum.wireName(p.dailyType()),
                p.dailyTime() == null ? null : DAILY_TIME.format(p.dailyTime()), p.backupWindowEnabled(),
                windowBody(p.backupWindowSettings()), p.retryEnabled(), p.retryNumber(), p.retryWaitInterval(), null);
    }

    private static Wire.BackupWindow windowBody(BackupWindow w) {
        return w == null ? null : new Wire.BackupWindow(w.hours(), w.minuteOffset());
    }

    private static Wire.User userBody(User u) {
        return u == null ? null : new Wire.User(u.id(), u.name(), u.displayName(), u.type(), u.locationType(), null,
                null);
    }

    private static Wire.Group groupBody(Group g) {
        return g == null ? null : new Wire.Group(g.id(), g.name(), g.displayName(), g.type(), g.locationType());
    }

    private static Wire.Site siteBody(Site s) {
        return new Wire.Site(s.id(), s.url(), s.name(), s.title(), s.parentUrl(), s.isCloud(), s.isPersonal());
    }

    private static Wire.Team teamBody(Team t) {
        return t == null ? null : new Wire.Team(t.id(), t.displayName(), t.mail(), t.description());
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * A daily time as VB365 writes it ({@code 08:00:00}, sometimes with fractions or a date part);
     * an unreadable one is logged once and read as null rather than failing the whole job.
     */
    static LocalTime dailyTime(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.trim();
        int t = text.indexOf('T');
        if (t >= 0) {
            text = text.substring(t + 1);
        }
        if (text.endsWith("Z")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.length() == 4 || text.length() == 7) {
            text = "0" + text; // 8:00 or 8:00:00
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            if (WARNED_TIMES.add(raw)) {
                LOG.warn("VB365 sent a dailyTime '{}' that is not a time of day; ignoring it", raw);
            }
            return null;
        }
    }

    /** The last path segment of a HAL link, e.g. the organization id of a v6/v7 job. */
    static String lastSegment(Map<String, Wire.Link> links, String rel) {
        if (links == null) {
            return null;
        }
        for (Map.Entry<String, Wire.Link> link : links.entrySet()) {
            if (link.getKey().equalsIgnoreCase(rel) && link.getValue() != null && link.getValue().href() != null) {
                String href = link.getValue().href();
                int query = href.indexOf('?');
                if (query >= 0) {
                    href = href.substring(0, query);
                }
                while (href.endsWith("/")) {
                    href = href.substring(0, href.length() - 1);
                }
                int slash = href.lastIndexOf('/');
                return slash >= 0 && slash < href.length() - 1 ? href.substring(slash + 1) : null;
            }
        }
        return null;
    }
}
