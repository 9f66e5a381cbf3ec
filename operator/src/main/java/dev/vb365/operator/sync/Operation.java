package dev.vb365.operator.sync;

import java.util.List;
import java.util.Objects;

/**
 * One VB365 write of a {@link Plan}; each record is exactly one API call. The apply step executes
 * them in the plan's order and describes each in a Kubernetes Event with {@link #describe()}.
 */
public sealed interface Operation {

  /** What the call does, for Events and logs (no secrets here: ids, names and counts only). */
  String describe();

  /** What the call does, the items it touches named as people know them (first few only). */
  default String describe(ItemNames names) {
    return describe();
  }

  /** "POST /Jobs" (v8) or "POST /Organizations/{id}/Jobs" (v6/v7) with the items inline and isEnabled. */
  record CreateJob(DesiredJob job) implements Operation {
    public CreateJob {
      Objects.requireNonNull(job, "job");
    }

    @Override
    public String describe() {
      return "create job \"" + job.name() + "\" with " + job.selectedItems().size() + " selected and "
          + job.excludedItems().size() + " excluded items";
    }
  }

  /**
   * "PUT /Jobs/{id}": name, description, backupType, repositoryId, isEnabled and schedulePolicy in
   * one call. {@code selectedItems} is not empty only when the job switches from EntireOrganization
   * to SelectedItems: VB365 needs the items in the same call then, so they go in the PUT body
   * instead of a separate AddItems.
   */
  record UpdateJobSettings(JobSettings settings, List<BackupItem> selectedItems) implements Operation {
    public UpdateJobSettings {
      Objects.requireNonNull(settings, "settings");
      selectedItems = List.copyOf(selectedItems == null ? List.of() : selectedItems);
    }

    @Override
    public String describe() {
      return "update settings of job \"" + settings.name() + "\""
          + (selectedItems.isEmpty() ? "" : " with " + selectedItems.size() + " selected items");
    }
  }

  /** "POST /Jobs/{id}/SelectedItems" or ".../ExcludedItems" with all the items in one body. */
  record AddItems(Scope scope, List<BackupItem> items) implements Operation {
    public AddItems {
      Objects.requireNonNull(scope, "scope");
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "add " + items.size() + " item(s) to " + scope.specField();
    }

    @Override
    public String describe(ItemNames names) {
      return describe() + ": " + ItemNames.enumerate(items.stream().map(i -> names.label(i.key())).toList());
    }
  }

  /** "DELETE /Jobs/{id}/SelectedItems" or ".../ExcludedItems" with all the items' ids in one call. */
  record RemoveItems(Scope scope, List<ObservedItem> items) implements Operation {
    public RemoveItems {
      Objects.requireNonNull(scope, "scope");
      items = List.copyOf(items);
    }

    /** The VB365 ids of the items, as the call names them. */
    public List<String> itemIds() {
      return items.stream().map(ObservedItem::itemId).toList();
    }

    @Override
    public String describe() {
      return "remove " + items.size() + " item(s) from " + scope.specField();
    }

    @Override
    public String describe(ItemNames names) {
      return describe() + ": " + ItemNames.enumerate(items.stream().map(names::label).toList());
    }
  }

  /** "PUT /Jobs/{id}/SelectedItems/{itemId}" or ".../ExcludedItems/{itemId}": new processing options. */
  record EditItem(Scope scope, String itemId, BackupItem item) implements Operation {
    public EditItem {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(itemId, "itemId");
      Objects.requireNonNull(item, "item");
    }

    @Override
    public String describe() {
      return "edit " + item.key() + " in " + scope.specField();
    }

    @Override
    public String describe(ItemNames names) {
      return "edit the options of " + names.label(item.key()) + " in " + scope.specField();
    }
  }

  /** "POST /Jobs/{id}/enable", used when nothing else of the settings changes. */
  record EnableJob() implements Operation {
    @Override
    public String describe() {
      return "enable job";
    }
  }

  /** "POST /Jobs/{id}/disable", used when nothing else of the settings changes. */
  record DisableJob() implements Operation {
    @Override
    public String describe() {
      return "disable job";
    }
  }
}
