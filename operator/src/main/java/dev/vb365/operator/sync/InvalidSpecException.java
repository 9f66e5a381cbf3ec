package dev.vb365.operator.sync;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec that cannot be turned into a VB365 job. Terminal: only a change of the spec fixes it, so a
 * reconciler reports it and stops retrying. The message lists every error found, not just the first.
 */
public class InvalidSpecException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidSpecException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an InvalidSpecException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public InvalidSpecException(String path, String message) {
    this(List.of(new FieldError(path, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The same errors for fields nested under {@code prefix}. */
  public InvalidSpecException under(String prefix) {
    return new InvalidSpecException(errors.stream().map(e -> e.under(prefix)).toList());
  }

  /** Throws when {@code errors} is not empty. */
  public static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidSpecException(errors);
    }
  }
}
