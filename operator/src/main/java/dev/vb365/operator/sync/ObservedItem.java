package dev.vb365.operator.sync;

import java.util.Objects;

/** An item as VB365 has it in a job list, with the item id VB365 gave it (needed to edit or remove it). */
public record ObservedItem(String itemId, BackupItem item) {

  public ObservedItem {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(item, "item");
  }

  public ItemKey key() {
    return item.key();
  }
}
