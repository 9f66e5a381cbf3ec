package dev.vb365.operator.veeam.model;

/** What a backup job protects: the whole organization or the items it lists. */
public enum BackupType implements WireValue {
    ENTIRE_ORGANIZATION("EntireOrganization"),
    SELECTED_ITEMS("SelectedItems"),
    UNKNOWN(null);

    private final String wireName;

    BackupType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
