package dev.vb365.operator.sync;

import java.util.Objects;

/**
 * One way VB365 differs from the spec, worded for users: the field by its spec path and the change, each value named
 * as VB365's or the spec's ("schedulePolicy.dailyTime: VB365 has 22:00, spec wants 23:00"): an arrow left readers
 * guessing which side was which.
 */
public record Difference(String field, String change) {

  public Difference {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(change, "change");
  }

  static Difference of(String field, Object observed, Object desired) {
    return new Difference(field, "VB365 has " + show(observed) + ", spec wants " + show(desired));
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

  @Override
  public String toString() {
    return field + ": " + change;
  }
}
