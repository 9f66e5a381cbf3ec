package dev.vb365.operator.veeam.model;

/** RESTCopyJobSchedulePolicy.type (the same three values in v6, v7 and v8). */
public enum CopyScheduleType implements WireValue {
    IMMEDIATE("Immediate"),
    PERIODICALLY("Periodically"),
    DAILY_AT_TIME("DailyAtTime"),
    UNKNOWN(null);

    private final String wireName;

    CopyScheduleType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
