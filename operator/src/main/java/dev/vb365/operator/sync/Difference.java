package dev.vb365.operator.sync;

import java.util.Objects;

/**
 * One way VB365 differs from the spec, worded for users, each value named as VB365's or the spec's. Two wordings:
 * as it stands ({@link #toString()}: "schedulePolicy.dailyTime: VB365 has 03:00, spec wants 22:00"), and as drift,
 * a change someone made outside Kubernetes ({@link #asDrift()}: "schedulePolicy.dailyTime: changed to 03:00 outside
 * Kubernetes, spec wants 22:00"), which stays true after the operator has put it back.
 *
 * @param field the spec path, e.g. "schedulePolicy.dailyTime" or "selectedItems"
 * @param change the difference as it stands, without the field
 * @param drift the whole text as drift
 */
public record Difference(String field, String change, String drift) {

  public Difference {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(drift, "drift");
  }

  /** A setting: VB365's value and the spec's. */
  static Difference of(String field, Object vb365, Object spec) {
    return new Difference(field, "VB365 has " + show(vb365) + ", spec wants " + show(spec),
        field + ": changed to " + show(vb365) + " outside Kubernetes, spec wants " + show(spec));
  }

  private static String show(Object value) {
    if (value == null) {
      return "none";
    }
    if (value instanceof String text) {
      return "\"" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "\"";
    }
    return value.toString();
  }

  /** The difference as drift: how someone changed the job outside Kubernetes. */
  public String asDrift() {
    return drift;
  }

  @Override
  public String toString() {
    return field + ": " + change;
  }
}
