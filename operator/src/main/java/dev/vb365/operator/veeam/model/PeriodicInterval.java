package dev.vb365.operator.veeam.model;

/** Interval between runs of a periodically scheduled job ({@code Hours12} exists from v8 on). */
public enum PeriodicInterval implements WireValue {
    MINUTES_5("Minutes5"),
    MINUTES_10("Minutes10"),
    MINUTES_15("Minutes15"),
    MINUTES_30("Minutes30"),
    HOURS_1("Hours1"),
    HOURS_2("Hours2"),
    HOURS_4("Hours4"),
    HOURS_8("Hours8"),
    HOURS_12("Hours12"),
    UNKNOWN(null);

    private final String wireName;

    PeriodicInterval(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
