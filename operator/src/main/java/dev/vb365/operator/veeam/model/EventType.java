package dev.vb365.operator.veeam.model;

/**
 * The job-related kinds of {@code /v8/Events}. The API has about thirty event types (restore
 * sessions, organization objects, restore points...); the others parse as {@code UNKNOWN} quietly.
 */
public enum EventType implements WireValue {
    JOB_UPDATE("JobUpdate"),
    JOB_DELETE("JobDelete"),
    JOB_SESSION_UPDATE("JobSessionUpdate"),
    JOB_SESSION_DELETE("JobSessionDelete"),
    JOB_SELECTED_ITEMS_CHANGE("JobSelectedItemsChange"),
    JOB_EXCLUDED_ITEMS_CHANGE("JobExcludedItemsChange"),
    ORGANIZATION_USER_UPDATE("OrganizationUserUpdate"),
    ORGANIZATION_USER_DELETE("OrganizationUserDelete"),
    ORGANIZATION_GROUP_UPDATE("OrganizationGroupUpdate"),
    ORGANIZATION_GROUP_DELETE("OrganizationGroupDelete"),
    ORGANIZATION_SITE_UPDATE("OrganizationSiteUpdate"),
    ORGANIZATION_SITE_DELETE("OrganizationSiteDelete"),
    ORGANIZATION_TEAM_UPDATE("OrganizationTeamUpdate"),
    ORGANIZATION_TEAM_DELETE("OrganizationTeamDelete"),
    UNKNOWN(null);

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** A user, group, site or team of an organization changed or went away. */
    public boolean isDirectory() {
        return name().startsWith("ORGANIZATION_");
    }
}
