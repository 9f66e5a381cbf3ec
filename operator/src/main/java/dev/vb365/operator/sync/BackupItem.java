package dev.vb365.operator.sync;

import dev.vb365.operator.api.ItemType;
import java.util.Objects;

/** An item of a job list: which object, and what of it to process (or to leave out). */
public record BackupItem(ItemKey key, ItemOptions options) {

  public BackupItem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(options, "options");
    if (key.type() != options.type()) {
      throw new IllegalArgumentException(key.type() + " item cannot have " + options.type() + " options");
    }
  }

  public ItemType type() {
    return key.type();
  }

  @Override
  public String toString() {
    return key + " " + options.values();
  }
}
