package dev.vb365.operator.sync;

import java.util.Objects;

/**
 * An item as VB365 has it in a job list, with the item id VB365 gave it (needed to edit or remove it) and the name
 * VB365 shows for its object (a user's UPN, a group's name, a site's URL, a team's name), or null when it shows none.
 */
public record ObservedItem(String itemId, BackupItem item, String name) {

  public ObservedItem {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(item, "item");
  }

  /** An item whose object's name is not known (placeholders, tests). */
  public ObservedItem(String itemId, BackupItem item) {
    this(itemId, item, null);
  }

  public ItemKey key() {
    return item.key();
  }
}
