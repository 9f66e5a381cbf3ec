package dev.vb365.operator.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Compares one job list (selected or excluded items) item by item: matched by {@link ItemKey}
 * (type and object id, case-insensitive), then by processing options. Pure.
 */
public final class ItemDiff {

  private ItemDiff() {
  }

  /**
   * What to add, remove and edit so that {@code observed} becomes {@code desired}. A key desired
   * twice counts once (the first wins); a key VB365 holds twice keeps its first item and loses the
   * others.
   */
  public static Changes diff(Scope scope, List<BackupItem> desired, List<ObservedItem> observed) {
    Map<ItemKey, BackupItem> wanted = new LinkedHashMap<>();
    for (BackupItem item : desired) {
      wanted.putIfAbsent(item.key(), item);
    }
    Map<ItemKey, ObservedItem> present = new LinkedHashMap<>();
    List<ObservedItem> removed = new ArrayList<>();
    for (ObservedItem item : observed) {
      if (!wanted.containsKey(item.key()) || present.containsKey(item.key())) {
        removed.add(item);
      } else {
        present.put(item.key(), item);
      }
    }
    List<BackupItem> added = new ArrayList<>();
    List<Edit> edited = new ArrayList<>();
    for (BackupItem item : wanted.values()) {
      ObservedItem have = present.get(item.key());
      if (have == null) {
        added.add(item);
      } else if (!have.item().options().equals(item.options())) {
        edited.add(new Edit(have, item));
      }
    }
    return new Changes(scope, added, removed, edited);
  }

  /** An observed item whose processing options must change to those of {@code desired}. */
  public record Edit(ObservedItem observed, BackupItem desired) {

    /** The options that differ, VB365's value and the spec's: "mailbox: VB365 has false, spec wants true". */
    String options(boolean asDrift) {
      return String.join("; ", desired.options().differencesTo(observed.item().options()).stream()
          .map(o -> o.option() + ": " + (asDrift ? "changed to " : "VB365 has ") + o.theirs() + ", spec wants "
              + o.mine()).toList());
    }
  }

  /** The changes to one list. */
  public record Changes(Scope scope, List<BackupItem> added, List<ObservedItem> removed, List<Edit> edited) {

    public Changes {
      added = List.copyOf(added);
      removed = List.copyOf(removed);
      edited = List.copyOf(edited);
    }

    public boolean isEmpty() {
      return added.isEmpty() && removed.isEmpty() && edited.isEmpty();
    }

    /** The same changes without the additions (they travel in another call). */
    Changes withoutAdded() {
      return new Changes(scope, List.of(), removed, edited);
    }

    /** Fewest calls: one add for all new items, one edit per changed item, one remove for all gone items. */
    public List<Operation> operations() {
      List<Operation> ops = new ArrayList<>();
      if (!added.isEmpty()) {
        ops.add(new Operation.AddItems(scope, added));
      }
      for (Edit edit : edited) {
        ops.add(new Operation.EditItem(scope, edit.observed().itemId(), edit.desired()));
      }
      // Removing after adding: a SelectedItems job never passes through an empty list VB365 may refuse.
      if (!removed.isEmpty()) {
        ops.add(new Operation.RemoveItems(scope, removed));
      }
      return ops;
    }

    /**
     * The changes in words, the items named as people know them (at most a few per kind), or null when nothing
     * changes. As it stands: "selectedItems: 1 item only in the spec: alice@contoso.com; 1 item only in VB365:
     * bob@contoso.com". As drift: "1 selected item removed outside Kubernetes: alice@contoso.com; 1 selected item
     * added outside Kubernetes: bob@contoso.com".
     */
    public Difference difference(ItemNames names) {
      if (isEmpty()) {
        return null;
      }
      String list = scope.name().toLowerCase(Locale.ROOT);
      List<String> now = new ArrayList<>();
      List<String> drift = new ArrayList<>();
      if (!added.isEmpty()) {
        String which = labels(added, i -> names.label(i.key()));
        now.add(count(added.size(), "item") + " only in the spec: " + which);
        drift.add(count(added.size(), list + " item") + " removed outside Kubernetes: " + which);
      }
      if (!removed.isEmpty()) {
        String which = labels(removed, names::label);
        now.add(count(removed.size(), "item") + " only in VB365: " + which);
        drift.add(count(removed.size(), list + " item") + " added outside Kubernetes: " + which);
      }
      if (!edited.isEmpty()) {
        now.add(count(edited.size(), "item") + " with other options: "
            + labels(edited, e -> names.label(e.observed()) + " (" + e.options(false) + ")"));
        drift.add(count(edited.size(), list + " item") + " changed outside Kubernetes: "
            + labels(edited, e -> names.label(e.observed()) + " (" + e.options(true) + ")"));
      }
      return new Difference(scope.specField(), String.join("; ", now), String.join("; ", drift));
    }

    private static <T> String labels(List<T> items, Function<T, String> label) {
      return ItemNames.enumerate(items.stream().map(label).toList());
    }

    private static String count(int n, String noun) {
      return n + " " + noun + (n == 1 ? "" : "s");
    }
  }
}
