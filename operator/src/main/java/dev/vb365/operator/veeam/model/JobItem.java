package dev.vb365.operator.veeam.model;

import java.util.List;
import java.util.Objects;

/**
 * A selected or excluded item of a job (RESTJobItemComposed): one reference (user, group, site or
 * team, depending on {@link #type()}) and the processing options that apply to that type. Options
 * that do not apply are {@code null}; use the factories to build items for requests.
 *
 * <ul>
 *   <li>USER: mailbox, archiveMailbox, oneDrive, personalSite</li>
 *   <li>GROUP: members, memberMailbox, memberArchiveMailbox, memberOneDrive, memberSite, mailbox, groupSite</li>
 *   <li>SITE, PERSONAL_SITES: none</li>
 *   <li>TEAM: teamsChats (sent as {@code chats} to v6)</li>
 *   <li>PARTIAL_ORGANIZATION: mailbox, archiveMailbox, oneDrive, sites, teams, teamsChats</li>
 *   <li>ONE_DRIVE_FOLDERS: folders</li>
 * </ul>
 *
 * @param id the item id VB365 assigned ({@code null} for an item not yet added)
 */
public record JobItem(
        String id,
        ItemType type,
        User user,
        Group group,
        Site site,
        Team team,
        Boolean mailbox,
        Boolean archiveMailbox,
        Boolean oneDrive,
        Boolean personalSite,
        Boolean sites,
        Boolean teams,
        Boolean teamsChats,
        Boolean members,
        Boolean memberMailbox,
        Boolean memberArchiveMailbox,
        Boolean memberOneDrive,
        Boolean memberSite,
        Boolean groupSite,
        List<String> folders) {

    public JobItem {
        Objects.requireNonNull(type, "type");
        folders = folders == null ? null : List.copyOf(folders);
    }

    public static JobItem user(User user, boolean mailbox, boolean archiveMailbox, boolean oneDrive,
            boolean personalSite) {
        return new JobItem(null, ItemType.USER, Objects.requireNonNull(user, "user"), null, null, null, mailbox,
                archiveMailbox, oneDrive, personalSite, null, null, null, null, null, null, null, null, null, null);
    }

    public static JobItem group(Group group, boolean members, boolean memberMailbox, boolean memberArchiveMailbox,
            boolean memberOneDrive, boolean memberSite, boolean mailbox, boolean groupSite) {
        return new JobItem(null, ItemType.GROUP, null, Objects.requireNonNull(group, "group"), null, null, mailbox,
                null, null, null, null, null, null, members, memberMailbox, memberArchiveMailbox, memberOneDrive,
                memberSite, groupSite, null);
    }

    public static JobItem site(Site site) {
        return new JobItem(null, ItemType.SITE, null, null, Objects.requireNonNull(site, "site"), null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static JobItem team(Team team, boolean teamsChats) {
        return new JobItem(null, ItemType.TEAM, null, null, null, Objects.requireNonNull(team, "team"), null, null,
                null, null, null, null, teamsChats, null, null, null, null, null, null, null);
    }

    public static JobItem partialOrganization(boolean mailbox, boolean archiveMailbox, boolean oneDrive,
            boolean sites, boolean teams, boolean teamsChats) {
        return new JobItem(null, ItemType.PARTIAL_ORGANIZATION, null, null, null, null, mailbox, archiveMailbox,
                oneDrive, null, sites, teams, teamsChats, null, null, null, null, null, null, null);
    }

    public static JobItem personalSites() {
        return new JobItem(null, ItemType.PERSONAL_SITES, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    public static JobItem oneDriveFolders(List<String> folders) {
        return new JobItem(null, ItemType.ONE_DRIVE_FOLDERS, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, Objects.requireNonNull(folders, "folders"));
    }

    /** The same item with the id VB365 assigned (needed to edit or remove it). */
    public JobItem withId(String newId) {
        return new JobItem(newId, type, user, group, site, team, mailbox, archiveMailbox, oneDrive, personalSite,
                sites, teams, teamsChats, members, memberMailbox, memberArchiveMailbox, memberOneDrive, memberSite,
                groupSite, folders);
    }

    /** The id of the referenced object (user, group, site or team), or {@code null} for organization-wide items. */
    public String referenceId() {
        return switch (type) {
            case USER -> user == null ? null : user.id();
            case GROUP -> group == null ? null : group.id();
            case SITE -> site == null ? null : site.id();
            case TEAM -> team == null ? null : team.id();
            default -> null;
        };
    }
}
