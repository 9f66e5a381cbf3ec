package dev.vb365.operator.sync;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours of a week in which a job may run, as VB365 stores them: 168 booleans, 7 groups of 24,
 * the first group Sunday, element {@code day * 24 + hour} (v8 RESTBackupWindowSettings.backupWindow,
 * and the v3 "POST /Organizations/{id}/Jobs" page: "Each group represents a day of the week starting
 * from Sunday"). Users write and read it in a human form ("Mon-Fri 20:00-06:00"), which this class
 * parses and renders. VB365 has whole hours only.
 *
 * <p>{@code minuteOffset} is VB365's offset from UTC of the clock the hours are read in; null means
 * "not stated" (a desired window without one accepts whatever VB365 has).
 */
public final class BackupWindow {

  public static final int HOURS_PER_WEEK = 168;

  /** Day names in the order people read a week (Monday first); VB365's array starts on Sunday. */
  private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
  private static final Pattern LINE = Pattern.compile(
      "^(?<days>\\S+?)(?:\\s+(?<start>\\d{1,2}):(?<startMin>\\d{2})-(?<end>\\d{1,2}):(?<endMin>\\d{2}))?$");
  private static final String DAY_HELP = "use Everyday, Workdays, Weekends, a day (Mon, Tue, Wed, Thu, Fri, Sat, "
      + "Sun), a range like Mon-Fri or a comma list like Mon,Wed,Fri-Sun";

  /** Allowed hours in VB365's layout: index = dayFromSunday * 24 + hour. */
  private final BitSet hours;
  private final Integer minuteOffset;

  private BackupWindow(BitSet hours, Integer minuteOffset) {
    this.hours = (BitSet) hours.clone();
    this.minuteOffset = minuteOffset;
  }

  /** Every hour allowed. */
  public static BackupWindow always() {
    BitSet all = new BitSet(HOURS_PER_WEEK);
    all.set(0, HOURS_PER_WEEK);
    return new BackupWindow(all, null);
  }

  /** From VB365's array (Sunday 00:00 first). */
  public static BackupWindow ofHours(List<Boolean> vb365Hours, Integer minuteOffset) {
    Objects.requireNonNull(vb365Hours, "hours");
    if (vb365Hours.size() != HOURS_PER_WEEK) {
      throw new IllegalArgumentException("a VB365 backup window has " + HOURS_PER_WEEK + " hours, got "
          + vb365Hours.size());
    }
    BitSet bits = new BitSet(HOURS_PER_WEEK);
    for (int i = 0; i < HOURS_PER_WEEK; i++) {
      if (Boolean.TRUE.equals(vb365Hours.get(i))) {
        bits.set(i);
      }
    }
    return new BackupWindow(bits, minuteOffset);
  }

  /**
   * Parses the human form. Without allow lines every hour starts allowed; with them only the hours
   * they name. Deny lines are applied last. Errors name the line ("allow[1]") and say what to write.
   */
  public static BackupWindow parse(List<String> allow, List<String> deny, Integer minuteOffset) {
    List<FieldError> errors = new ArrayList<>();
    boolean hasAllow = allow != null && !allow.isEmpty();
    boolean hasDeny = deny != null && !deny.isEmpty();
    if (!hasAllow && !hasDeny) {
      throw new InvalidSpecException("", "set allow, deny or both");
    }
    if (minuteOffset != null && (minuteOffset < -720 || minuteOffset > 840)) {
      errors.add(new FieldError("minuteOffset", "must be between -720 and 840 minutes, not " + minuteOffset));
    }
    BitSet bits = new BitSet(HOURS_PER_WEEK);
    if (hasAllow) {
      for (int i = 0; i < allow.size(); i++) {
        try {
          bits.or(parseLine(allow.get(i)));
        } catch (IllegalArgumentException e) {
          errors.add(new FieldError("allow[" + i + "]", e.getMessage()));
        }
      }
    } else {
      bits.set(0, HOURS_PER_WEEK);
    }
    if (hasDeny) {
      for (int i = 0; i < deny.size(); i++) {
        try {
          bits.andNot(parseLine(deny.get(i)));
        } catch (IllegalArgumentException e) {
          errors.add(new FieldError("deny[" + i + "]", e.getMessage()));
        }
      }
    }
    InvalidSpecException.throwIfAny(errors);
    return new BackupWindow(bits, minuteOffset);
  }

  /** One line to the hours it names (VB365 layout). */
  static BitSet parseLine(String line) {
    String text = line == null ? "" : line.trim();
    Matcher m = LINE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not DAYS or DAYS HH:00-HH:00 (e.g. \"Mon-Fri 20:00-06:00\", "
          + "\"Weekends\")");
    }
    List<Integer> days = parseDays(m.group("days"), text);
    int start = 0;
    int length = 24;
    if (m.group("start") != null) {
      start = parseHour(m.group("start"), m.group("startMin"), text);
      int end = parseHour(m.group("end"), m.group("endMin"), text);
      if (start == 24) {
        throw new IllegalArgumentException("\"" + text + "\": a range cannot start at 24:00; write 00:00 of the next day");
      }
      if (start == end % 24 && !(start == 0 && end == 24)) {
        throw new IllegalArgumentException("\"" + text + "\": the range starts and ends at " + two(start)
            + ":00; for whole days leave the time range out (\"" + m.group("days") + "\")");
      }
      // An end at or before the start runs past midnight into the next day.
      length = end > start ? end - start : 24 - start + end;
    }
    BitSet bits = new BitSet(HOURS_PER_WEEK);
    for (int day : days) {
      int first = vb365Index(day, start);
      for (int h = 0; h < length; h++) {
        bits.set((first + h) % HOURS_PER_WEEK);
      }
    }
    return bits;
  }

  private static List<Integer> parseDays(String text, String line) {
    switch (text) {
      case "Everyday":
        return List.of(0, 1, 2, 3, 4, 5, 6);
      case "Workdays":
        return List.of(0, 1, 2, 3, 4);
      case "Weekends":
        return List.of(5, 6);
      default:
        break;
    }
    TreeSet<Integer> days = new TreeSet<>();
    for (String part : text.split(",", -1)) {
      String[] ends = part.split("-", -1);
      if (ends.length > 2) {
        throw new IllegalArgumentException("\"" + line + "\": \"" + part + "\" is not a day or a day range; " + DAY_HELP);
      }
      int from = dayIndex(ends[0], line);
      int to = ends.length == 2 ? dayIndex(ends[1], line) : from;
      // Ranges wrap around the week: Fri-Mon is Fri, Sat, Sun, Mon.
      for (int d = from; ; d = (d + 1) % 7) {
        days.add(d);
        if (d == to) {
          break;
        }
      }
    }
    return List.copyOf(days);
  }

  private static int dayIndex(String name, String line) {
    int index = DAYS.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("\"" + line + "\": unknown day \"" + name + "\"; " + DAY_HELP);
    }
    return index;
  }

  private static int parseHour(String hourText, String minuteText, String line) {
    int hour = Integer.parseInt(hourText);
    int minute = Integer.parseInt(minuteText);
    if (hour > 24 || minute > 59) {
      throw new IllegalArgumentException("\"" + line + "\": " + hourText + ":" + minuteText + " is not a time of day "
          + "(00:00 to 24:00)");
    }
    if (minute != 0) {
      throw new IllegalArgumentException("\"" + line + "\": " + hourText + ":" + minuteText
          + " is not a whole hour; VB365 backup windows allow or deny whole hours only (use " + two(hour) + ":00"
          + (hour < 24 ? " or " + two(hour + 1) + ":00" : "") + ")");
    }
    return hour;
  }

  /** Index in VB365's array of {@code hour} on {@code mondayFirstDay} (0 = Monday). */
  private static int vb365Index(int mondayFirstDay, int hour) {
    return ((mondayFirstDay + 1) % 7) * 24 + hour;
  }

  /** Whether the job may run in this hour of the week. */
  public boolean allows(DayOfWeek day, int hour) {
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("hour " + hour);
    }
    return hours.get(vb365Index(day.getValue() - 1, hour));
  }

  /** VB365's array: 168 values, Sunday 00:00 first. */
  public List<Boolean> toHours() {
    List<Boolean> out = new ArrayList<>(HOURS_PER_WEEK);
    for (int i = 0; i < HOURS_PER_WEEK; i++) {
      out.add(hours.get(i));
    }
    return out;
  }

  public Integer minuteOffset() {
    return minuteOffset;
  }

  public BackupWindow withMinuteOffset(Integer offset) {
    return new BackupWindow(hours, offset);
  }

  public int allowedHourCount() {
    return hours.cardinality();
  }

  /** Whether both allow the same hours, whatever their minute offsets. */
  public boolean sameHours(BackupWindow other) {
    return other != null && hours.equals(other.hours);
  }

  /** The human form, allow or deny lines, whichever needs fewer lines (allow on a tie). */
  public HumanForm toHumanForm() {
    List<String> allowLines = linesFor(hours);
    BitSet denied = (BitSet) hours.clone();
    denied.flip(0, HOURS_PER_WEEK);
    List<String> denyLines = linesFor(denied);
    if (allowLines.isEmpty() || (!denyLines.isEmpty() && denyLines.size() < allowLines.size())) {
      return new HumanForm(null, denyLines);
    }
    return new HumanForm(allowLines, null);
  }

  /**
   * Lines naming exactly the set hours: maximal runs of the week (wrapping from Sunday night to
   * Monday morning), runs shorter than a day as one range (which may cross midnight), longer ones
   * as a partial first day, whole days and a partial last day; lines with the same time range share
   * one line listing their days.
   */
  private static List<String> linesFor(BitSet vb365Bits) {
    // Work Monday-first so runs and the output read as people read a week.
    boolean[] week = new boolean[HOURS_PER_WEEK];
    int count = 0;
    for (int t = 0; t < HOURS_PER_WEEK; t++) {
      week[t] = vb365Bits.get((t + 24) % HOURS_PER_WEEK);
      count += week[t] ? 1 : 0;
    }
    if (count == 0) {
      return List.of();
    }
    if (count == HOURS_PER_WEEK) {
      return List.of("Everyday");
    }
    Map<String, TreeSet<Integer>> daysByRange = new LinkedHashMap<>();
    Map<String, Integer> startByRange = new LinkedHashMap<>();
    for (int s = 0; s < HOURS_PER_WEEK; s++) {
      if (!week[s] || week[(s + HOURS_PER_WEEK - 1) % HOURS_PER_WEEK]) {
        continue;
      }
      int length = 0;
      while (week[(s + length) % HOURS_PER_WEEK]) {
        length++;
      }
      int end = s + length;
      if (length < 24) {
        add(daysByRange, startByRange, s / 24, s % 24, end % 24 == 0 ? 24 : end % 24);
        continue;
      }
      int t = s;
      if (t % 24 != 0) {
        add(daysByRange, startByRange, t / 24, t % 24, 24);
        t += 24 - t % 24;
      }
      for (; t + 24 <= end; t += 24) {
        add(daysByRange, startByRange, t / 24, -1, -1);
      }
      if (t < end) {
        add(daysByRange, startByRange, t / 24, 0, end - t);
      }
    }
    List<String> keys = new ArrayList<>(daysByRange.keySet());
    keys.sort(Comparator.comparing((String k) -> daysByRange.get(k).first()).thenComparing(startByRange::get));
    List<String> lines = new ArrayList<>();
    for (String key : keys) {
      String days = daysText(daysByRange.get(key));
      lines.add(key.isEmpty() ? days : days + " " + key);
    }
    return lines;
  }

  private static void add(Map<String, TreeSet<Integer>> daysByRange, Map<String, Integer> startByRange, int day,
      int start, int end) {
    String key = start < 0 ? "" : two(start) + ":00-" + two(end) + ":00";
    daysByRange.computeIfAbsent(key, k -> new TreeSet<>()).add(day % 7);
    startByRange.putIfAbsent(key, Math.max(start, 0));
  }

  private static String daysText(TreeSet<Integer> days) {
    if (days.size() == 7) {
      return "Everyday";
    }
    List<String> parts = new ArrayList<>();
    List<Integer> list = new ArrayList<>(days);
    for (int i = 0; i < list.size(); ) {
      int j = i;
      while (j + 1 < list.size() && list.get(j + 1) == list.get(j) + 1) {
        j++;
      }
      parts.add(j == i ? DAYS.get(list.get(i)) : DAYS.get(list.get(i)) + "-" + DAYS.get(list.get(j)));
      i = j + 1;
    }
    return String.join(",", parts);
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BackupWindow other && hours.equals(other.hours)
        && Objects.equals(minuteOffset, other.minuteOffset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hours, minuteOffset);
  }

  /** The human form, e.g. "allow Mon-Fri 20:00-06:00, Weekends". */
  @Override
  public String toString() {
    HumanForm form = toHumanForm();
    String text = form.allow() != null ? "allow " + String.join(", ", form.allow())
        : "deny " + String.join(", ", form.deny());
    return minuteOffset == null ? text : text + " (UTC offset " + minuteOffset + " min)";
  }

  /** The window as a user writes it: allow lines or deny lines (one of them is null). */
  public record HumanForm(List<String> allow, List<String> deny) {
    public HumanForm {
      allow = allow == null ? null : List.copyOf(allow);
      deny = deny == null ? null : List.copyOf(deny);
    }
  }
}
