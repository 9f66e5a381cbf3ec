package dev.vb365.operator.sync;

import java.util.Objects;

/** A problem with one field of a spec, named by its path so a user can find it ("spec.schedulePolicy.dailyTime"). */
public record FieldError(String path, String message) {

  public FieldError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** The same error for a field nested under {@code prefix}. */
  public FieldError under(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return this;
    }
    if (path.isEmpty()) {
      return new FieldError(prefix, message);
    }
    return new FieldError(path.startsWith("[") ? prefix + path : prefix + "." + path, message);
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
