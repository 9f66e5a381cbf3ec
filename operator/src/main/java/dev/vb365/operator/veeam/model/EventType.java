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
    UNKNOWN(null);

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
