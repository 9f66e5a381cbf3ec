package dev.vb365.operator.veeam.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An hourly window: 168 booleans, 7 days of 24 hours starting on Sunday 00:00, {@code true} where
 * the job may run; {@code minuteOffset} shifts the grid against UTC.
 */
public record BackupWindow(List<Boolean> hours, Integer minuteOffset) {

    public static final int HOURS_PER_WEEK = 168;

    public BackupWindow {
        // Servers have sent nulls inside arrays; a null hour is a closed hour.
        List<Boolean> copy = new ArrayList<>(hours == null ? List.of() : hours);
        copy.replaceAll(h -> h != null && h);
        hours = Collections.unmodifiableList(copy);
    }

    /** A window open at every hour. */
    public static BackupWindow always() {
        return new BackupWindow(Collections.nCopies(HOURS_PER_WEEK, Boolean.TRUE), 0);
    }

    /** Whether the grid has exactly 168 hours, as the API requires when sending it. */
    public boolean isComplete() {
        return hours.size() == HOURS_PER_WEEK;
    }
}
