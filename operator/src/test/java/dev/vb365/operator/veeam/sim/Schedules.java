package dev.vb365.operator.veeam.sim;

import dev.vb365.operator.veeam.model.BackupWindow;
import dev.vb365.operator.veeam.model.DailyType;
import dev.vb365.operator.veeam.model.PeriodicInterval;
import dev.vb365.operator.veeam.model.SchedulePolicy;
import dev.vb365.operator.veeam.model.ScheduleType;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Schedule policies the tests send. */
final class Schedules {

    private Schedules() {
    }

    /** Workdays at {@code time}, retries 3 x 10 min, no backup window. */
    static SchedulePolicy daily(LocalTime time) {
        return SchedulePolicy.daily(DailyType.WORKDAYS, time);
    }

    /** Every day at {@code time}, only within a window open 20:00 to 06:00. */
    static SchedulePolicy dailyAtNight(LocalTime time) {
        return new SchedulePolicy(true, ScheduleType.DAILY, null, null, null, null, DailyType.EVERYDAY, time, true,
                nights(), true, 2, 15);
    }

    static SchedulePolicy periodically(PeriodicInterval every) {
        return SchedulePolicy.periodically(every);
    }

    static SchedulePolicy manualOnly() {
        return new SchedulePolicy(true, ScheduleType.MANUAL_ONLY, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** 168 hours from Sunday 00:00, open from 20:00 to 06:00. */
    static BackupWindow nights() {
        List<Boolean> hours = new ArrayList<>();
        for (int h = 0; h < BackupWindow.HOURS_PER_WEEK; h++) {
            int hourOfDay = h % 24;
            hours.add(hourOfDay >= 20 || hourOfDay < 6);
        }
        return new BackupWindow(hours, 0);
    }
}
