package dev.vb365.operator.veeam.model;

/** Kind of a backup job item (RESTJobBackupItemType). */
public enum ItemType implements WireValue {
    USER("User"),
    GROUP("Group"),
    SITE("Site"),
    TEAM("Team"),
    PARTIAL_ORGANIZATION("PartialOrganization"),
    PERSONAL_SITES("PersonalSites"),
    ONE_DRIVE_FOLDERS("OneDriveFolders"),
    UNKNOWN(null);

    private final String wireName;

    ItemType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
