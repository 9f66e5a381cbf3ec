package dev.vb365.operator.controller;

/**
 * How a VB365 job says which BackupJob created it: a suffix of its description,
 * "[managed by vb365-operator: namespace/name]". It survives operator restarts, lost statuses and
 * lost create answers, so the operator finds its own job before it ever creates a second one, and
 * it tells admins in the VB365 console who owns the job. The desired description includes it, so
 * it never shows as a difference.
 */
public final class OwnershipMarker {

  private static final String PREFIX = "[managed by vb365-operator: ";

  private OwnershipMarker() {
  }

  static String of(String namespace, String name) {
    return PREFIX + namespace + "/" + name + "]";
  }

  /** The description to ask for: the spec's text, then the marker. */
  static String describe(String description, String marker) {
    return description == null || description.isBlank() ? marker : description + " " + marker;
  }

  static boolean marks(String description, String marker) {
    return description != null && description.endsWith(marker);
  }

  /** The "namespace/name" of the BackupJob whose marker ends the description, if one does. */
  static java.util.Optional<String> owner(String description) {
    if (description == null || !description.endsWith("]")) {
      return java.util.Optional.empty();
    }
    int at = description.lastIndexOf(PREFIX);
    return at < 0 ? java.util.Optional.empty()
        : java.util.Optional.of(description.substring(at + PREFIX.length(), description.length() - 1));
  }

  /** The description without any operator marker (what ObserveOnly and adopted BackupJobs compare, and export writes). */
  public static String strip(String description) {
    if (description == null) {
      return "";
    }
    int at = description.lastIndexOf(PREFIX);
    if (at < 0 || !description.endsWith("]")) {
      return description;
    }
    return description.substring(0, at).stripTrailing();
  }
}
