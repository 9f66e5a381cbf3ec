package dev.vb365.operator.veeam.model;

/** How a job is scheduled. */
public enum ScheduleType implements WireValue {
    PERIODICALLY("Periodically"),
    DAILY("Daily"),
    MANUAL_ONLY("ManualOnly"),
    UNKNOWN(null);

    private final String wireName;

    ScheduleType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
