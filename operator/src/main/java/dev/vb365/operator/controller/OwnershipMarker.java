package dev.vb365.operator.controller;

import java.util.Objects;
import java.util.Optional;

/**
 * How a VB365 job says which BackupJob of which cluster owns it: a suffix of its description,
 * "[managed by vb365-operator: namespace/name in cluster C]". It survives operator restarts, lost statuses and
 * lost create answers, so the operator finds its own job before it ever creates a second one; it tells admins in
 * the VB365 console who owns the job; and it keeps a second cluster that applies the same manifests against the
 * same server (DR, staging) from adopting, correcting or deleting this cluster's jobs. Markers written by versions
 * before the cluster identity ("[managed by vb365-operator: namespace/name]") are read as legacy: their owner is
 * known by namespace and name only.
 */
public final class OwnershipMarker {

  private static final String PREFIX = "[managed by vb365-operator: ";
  private static final String IN_CLUSTER = " in cluster ";

  private OwnershipMarker() {
  }

  /**
   * The owner a marker names. {@code cluster} is null for a legacy marker.
   */
  public record Owner(String cluster, String namespace, String name) {

    public Owner {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
    }

    /** The marker text this owner writes. */
    public String marker() {
      return PREFIX + namespace + "/" + name + (cluster == null ? "" : IN_CLUSTER + cluster) + "]";
    }

    /** "contoso/finance in cluster prod-east", for messages. */
    public String describe() {
      return namespace + "/" + name + (cluster == null ? " (marked by an older vb365-operator, no cluster named)"
          : IN_CLUSTER + cluster);
    }

    boolean sameBackupJob(Owner other) {
      return namespace.equals(other.namespace) && name.equals(other.name);
    }
  }

  /** How a job's marker relates to one BackupJob of one cluster. */
  public enum Relation {
    /** Marked by this BackupJob of this cluster. */
    OURS,
    /** Marked by an older operator version with this BackupJob's namespace and name, no cluster. */
    OURS_LEGACY,
    /** No marker: made in the console, adopted by an older version, or released by an Orphan deletion. */
    UNMARKED,
    /** Marked by another BackupJob of this cluster (or, legacy, of a cluster not named). */
    OTHER_BACKUPJOB,
    /** Marked by another cluster. */
    OTHER_CLUSTER
  }

  static String of(String cluster, String namespace, String name) {
    return new Owner(Objects.requireNonNull(cluster, "cluster"), namespace, name).marker();
  }

  /** The description to ask for: the spec's text, then the marker. */
  static String describe(String description, String marker) {
    return description == null || description.isBlank() ? marker : description + " " + marker;
  }

  static boolean marks(String description, String marker) {
    return description != null && description.endsWith(marker);
  }

  /** The owner whose marker ends the description, if one does. */
  public static Optional<Owner> owner(String description) {
    if (description == null || !description.endsWith("]")) {
      return Optional.empty();
    }
    int at = description.lastIndexOf(PREFIX);
    if (at < 0) {
      return Optional.empty();
    }
    String text = description.substring(at + PREFIX.length(), description.length() - 1);
    String cluster = null;
    int in = text.lastIndexOf(IN_CLUSTER);
    if (in >= 0) {
      cluster = text.substring(in + IN_CLUSTER.length());
      text = text.substring(0, in);
    }
    int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1 || text.indexOf(' ') >= 0 || cluster != null && cluster.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Owner(cluster, text.substring(0, slash), text.substring(slash + 1)));
  }

  /** How the job with {@code description} relates to the BackupJob {@code me} (whose cluster is named). */
  public static Relation relation(String description, Owner me) {
    Optional<Owner> owner = owner(description);
    if (owner.isEmpty()) {
      return Relation.UNMARKED;
    }
    Owner o = owner.get();
    if (o.cluster() == null) {
      return o.sameBackupJob(me) ? Relation.OURS_LEGACY : Relation.OTHER_BACKUPJOB;
    }
    if (!o.cluster().equals(me.cluster())) {
      return Relation.OTHER_CLUSTER;
    }
    return o.sameBackupJob(me) ? Relation.OURS : Relation.OTHER_BACKUPJOB;
  }

  /** The description without any operator marker (what ObserveOnly BackupJobs compare, and export writes). */
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
