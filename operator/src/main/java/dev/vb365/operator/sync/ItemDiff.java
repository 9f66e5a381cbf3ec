package dev.vb365.operator.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** "+1 -1 ~1" style counts, or null when nothing changes. */
    public Difference difference() {
      if (isEmpty()) {
        return null;
      }
      List<String> parts = new ArrayList<>();
      if (!added.isEmpty()) {
        parts.add("+" + added.size());
      }
      if (!removed.isEmpty()) {
        parts.add("-" + removed.size());
      }
      if (!edited.isEmpty()) {
        parts.add("~" + edited.size());
      }
      return new Difference(scope.specField(), String.join(" ", parts));
    }

    /** One line per changed item, for Events: "+ User 5f3..", "- Site 9a..", "~ Group 1b..: mailbox: false -> true". */
    public List<String> details() {
      List<String> lines = new ArrayList<>();
      added.forEach(item -> lines.add("+ " + item.key()));
      removed.forEach(item -> lines.add("- " + item.key()));
      edited.forEach(edit -> lines.add("~ " + edit.desired().key() + ": "
          + String.join(", ", edit.desired().options().differencesTo(edit.observed().item().options()))));
      return lines;
    }
  }
}
