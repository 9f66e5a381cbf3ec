package dev.vb365.operator.veeam.model;

/** Days on which a daily scheduled job runs. */
public enum DailyType implements WireValue {
    EVERYDAY("Everyday"),
    WORKDAYS("Workdays"),
    WEEKENDS("Weekends"),
    MONDAY("Monday"),
    TUESDAY("Tuesday"),
    WEDNESDAY("Wednesday"),
    THURSDAY("Thursday"),
    FRIDAY("Friday"),
    SATURDAY("Saturday"),
    SUNDAY("Sunday"),
    UNKNOWN(null);

    private final String wireName;

    DailyType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
