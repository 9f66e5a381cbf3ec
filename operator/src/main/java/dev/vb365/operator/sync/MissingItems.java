package dev.vb365.operator.sync;

import dev.vb365.operator.api.BackupType;
import dev.vb365.operator.api.MissingItemPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Items the spec names whose object is no longer in the directory, settled against the VB365 job, pure. Such an item
 * is still in the job under the object's last name (VB365 lists it so): Keep leaves it there, Remove lets the diff
 * take it out (never the last selected item of a SelectedItems job). A name the job does not have either was never
 * backed up (a typo, or an object not created yet): that is not a missing item but a name that does not resolve.
 */
public final class MissingItems {

  /** A spec entry whose name (UPN, group name, site URL, team name or mail) no longer resolves. */
  public record Missing(Scope scope, String path, ItemReference reference) {
    String describe() {
      return reference.type().name().toLowerCase(Locale.ROOT) + " " + reference.value() + " (" + path + ")";
    }
  }

  /**
   * The desired job after settling, what to report, and the entries whose names the job does not have.
   *
   * @param report one sentence per missing item that is in the job, empty when there are none
   */
  public record Settled(DesiredJob desired, List<String> report, List<Missing> unknown) {
  }

  private MissingItems() {
  }

  public static Settled settle(DesiredJob desired, ObservedJob job, List<Missing> missing, MissingItemPolicy policy) {
    List<BackupItem> selected = new ArrayList<>(desired.selectedItems());
    List<BackupItem> excluded = new ArrayList<>(desired.excludedItems());
    List<String> report = new ArrayList<>();
    List<Missing> unknown = new ArrayList<>();
    for (Missing m : missing) {
      List<ObservedItem> inJob = job == null ? List.of() : job.items(m.scope()).stream()
          .filter(o -> o.key().type() == m.reference().type() && sameName(o.name(), m.reference().value())).toList();
      if (inJob.isEmpty()) {
        unknown.add(m);
        continue;
      }
      List<BackupItem> list = m.scope() == Scope.Selected ? selected : excluded;
      // Nothing else left to select: removing it would leave a SelectedItems job with no item at all.
      boolean lastOfTheJob = m.scope() == Scope.Selected && desired.backupType() == BackupType.SelectedItems
          && list.isEmpty();
      if (policy == MissingItemPolicy.Remove && !lastOfTheJob) {
        report.add(m.describe() + " is no longer in the directory: removed from the VB365 job (missingItemPolicy "
            + "Remove)");
        continue;
      }
      inJob.forEach(o -> {
        if (list.stream().noneMatch(b -> b.key().equals(o.key()))) {
          list.add(o.item());
        }
      });
      report.add(m.describe() + " is no longer in the directory: the VB365 job keeps it ("
          + (policy == MissingItemPolicy.Remove ? "removing it would leave the job without selected items"
              : "missingItemPolicy Keep") + ")");
    }
    DesiredJob settled = new DesiredJob(desired.organizationId(), desired.repositoryId(), desired.name(),
        desired.description(), desired.backupType(), desired.enabled(), desired.schedule(), selected, excluded);
    return new Settled(settled, report, unknown);
  }

  /** Names as VB365 shows them and as the spec wrote them: ignoring case, and a URL's trailing slash. */
  static boolean sameName(String listed, String written) {
    if (listed == null || written == null) {
      return false;
    }
    return trim(listed).equalsIgnoreCase(trim(written));
  }

  private static String trim(String name) {
    String n = name.trim();
    return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
  }
}
