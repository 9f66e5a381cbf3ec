package dev.vb365.operator.veeam;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The VB365 wire format, as close to the OpenAPI schemas as useful and no closer: enum-like values
 * stay strings here (they become open enums in the model), and every version's spelling of a
 * property is accepted (PascalCase v3 bodies, v5 {@code site} booleans, v6 {@code chats}).
 * Only {@link WireMapper} turns these into the model.
 */
final class Wire {

    private Wire() {
    }

    record Link(String href) {
    }

    /** PageOf... (v8 lists and the organization object lists of every version). */
    record Page<T>(Integer offset, Integer limit, String setId, List<T> results) {
    }

    /** RESTExceptionInfo, plus the OAuth error fields a token endpoint may answer with. */
    record Error(String message, String errorCode, String error,
            @JsonProperty("error_description") String errorDescription) {
    }

    /** OAuthTokenResponse. */
    record Token(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") Long expiresIn) {

        @Override
        public String toString() {
            return "Token[***]";
        }
    }

    /** RestOrganizationComposed (the fields the operator uses). */
    record Organization(String id, String name, String officeName, String type) {
    }

    record Repository(String id, String name, String description, String proxyId, String proxyPoolId,
            String organizationId, @JsonProperty("isLongTerm") Boolean isLongTerm) {
    }

    record Proxy(String id, String hostName, String fqdn, String status) {
    }

    /** RESTUser; office from v7, assignedLicenses from v8. */
    record User(String id, String name, String displayName, String type, String locationType, String office,
            List<License> assignedLicenses) {
    }

    /** RESTOfficeLicense. */
    record License(String skuId, String skuPartNumber) {
    }

    record Group(String id, String name, String displayName, String type, String locationType) {
    }

    /** RESTSite / RESTJobSite. */
    record Site(String id, String url, String name, String title, String parentUrl, Boolean isCloud,
            Boolean isPersonal) {
    }

    record Team(String id, String displayName, String mail, String description) {
    }

    /** RESTBackupWindowSettings; v1 called the grid {@code backupIntervalsArray}. */
    record BackupWindow(@JsonAlias("backupIntervalsArray") List<Boolean> backupWindow, Integer minuteOffset) {
    }

    /** RESTJobSchedulePolicy; {@code backupWindow} is v1's name of the window settings (read only). */
    record SchedulePolicy(
            Boolean scheduleEnabled,
            String type,
            @JsonAlias("periodicInterval") String periodicallyEvery,
            Integer periodicallyOffsetMinutes,
            Boolean periodicallyWindowEnabled,
            BackupWindow periodicallyWindowSettings,
            String dailyType,
            String dailyTime,
            Boolean backupWindowEnabled,
            BackupWindow backupWindowSettings,
            Boolean retryEnabled,
            Integer retryNumber,
            Integer retryWaitInterval,
            BackupWindow backupWindow) {
    }

    /**
     * RESTJobItemComposed. {@code site} is an object (RESTJobSite) from v6 on, a boolean before
     * (v5: the user's personal site, the group's site or the organization's sites). Aliases are the
     * v3 names of group options.
     */
    record JobItem(
            String type,
            String id,
            List<String> folders,
            @JsonAlias("mail") Boolean mailbox,
            Boolean oneDrive,
            Boolean archiveMailbox,
            Boolean sites,
            Boolean teams,
            Boolean teamsChats,
            Boolean chats,
            JsonNode site,
            Team team,
            User user,
            Boolean personalSite,
            Group group,
            Boolean members,
            @JsonAlias("memberMail") Boolean memberMailbox,
            @JsonAlias("memberArchive") Boolean memberArchiveMailbox,
            Boolean memberOnedrive,
            Boolean memberSite,
            Boolean groupSite) {
    }

    /** RESTJob as read from any version (v6/v7 have no organizationId and no eTag). */
    record Job(
            String id,
            String name,
            String description,
            String organizationId,
            String repositoryId,
            String backupType,
            @JsonProperty("isEnabled") Boolean isEnabled,
            SchedulePolicy schedulePolicy,
            Instant lastRun,
            Instant nextRun,
            Instant lastBackup,
            String lastStatus,
            Long eTag,
            List<JobItem> selectedItems,
            List<JobItem> excludedItems,
            @JsonProperty("_links") Map<String, Link> links) {
    }

    /** The body of a create or edit: v8 RESTCreateBackupJob / RESTEditBackupJob, v6/v7 RESTJob. */
    record JobBody(
            String name,
            String description,
            String organizationId,
            String repositoryId,
            String backupType,
            @JsonProperty("isEnabled") Boolean isEnabled,
            Boolean runNow,
            SchedulePolicy schedulePolicy,
            List<JobItem> selectedItems,
            List<JobItem> excludedItems) {
    }

    /** RESTCopyJob as read from any version (organizationId and eTag from v8, lastBackup from v7). */
    record CopyJob(
            String id,
            String name,
            String backupJobId,
            String organizationId,
            String repositoryId,
            @JsonProperty("isEnabled") Boolean isEnabled,
            CopySchedulePolicy schedulePolicy,
            Instant lastRun,
            Instant nextRun,
            Instant lastBackup,
            String lastStatus,
            Long eTag) {
    }

    /** RESTCopyJobSchedulePolicy. */
    record CopySchedulePolicy(
            String type,
            String periodicallyEvery,
            String dailyType,
            String dailyTime,
            Boolean backupCopyWindowEnabled,
            BackupWindow backupCopyWindowSettings) {
    }

    /** The body of a copy job's create or edit: v8 RESTCreateCopyJob / RESTEditCopyJob, v6/v7 RESTCopyJob. */
    record CopyJobBody(
            String backupJobId,
            String organizationId,
            String repositoryId,
            @JsonProperty("isEnabled") Boolean isEnabled,
            CopySchedulePolicy schedulePolicy) {
    }

    record StartOptions(boolean full) {
    }

    /** RESTJobSession (jobId from v8; jobWillBeRetried from v7; jobSessionConfigType from v8). */
    record JobSession(String id, String jobId, String status, Instant creationTime, Instant endTime,
            String details, Integer retryCount, Boolean jobWillBeRetried, String jobSessionConfigType,
            JobStatistics statistics) {
    }

    /** RESTJobStatistics, the two numbers the status shows. */
    record JobStatistics(Long transferredDataBytes, Long processedObjects) {
    }

    /** RESTEvent (the fields job events carry). */
    record Event(String eventType, String id, Long eTag, String jobId, String status, String jobType,
            String organizationId) {
    }

    /** Events_GetResponse. */
    record EventPage(String nextChangeToken, Integer limit, List<Event> results) {
    }
}
