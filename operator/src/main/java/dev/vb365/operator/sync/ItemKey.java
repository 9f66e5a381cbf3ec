package dev.vb365.operator.sync;

import dev.vb365.operator.api.ItemType;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * Identity of an item in a job list: its type and the VB365 id of the object (user, group, site,
 * team). Singleton types have no object id. Ids are compared case-insensitively (VB365 ids are
 * GUIDs or concatenations of GUIDs), so they are kept lower-case.
 */
public record ItemKey(ItemType type, String objectId) implements Comparable<ItemKey> {

  private static final Comparator<ItemKey> ORDER = Comparator.comparing(ItemKey::type)
      .thenComparing(ItemKey::objectId, Comparator.nullsFirst(Comparator.naturalOrder()));

  public ItemKey {
    Objects.requireNonNull(type, "type");
    if (type.isSingleton()) {
      objectId = null;
    } else {
      if (objectId == null || objectId.isBlank()) {
        throw new IllegalArgumentException(type + " item needs the VB365 id of its object");
      }
      objectId = objectId.trim().toLowerCase(Locale.ROOT);
    }
  }

  public static ItemKey of(ItemType type, String objectId) {
    return new ItemKey(type, objectId);
  }

  public static ItemKey singleton(ItemType type) {
    if (!type.isSingleton()) {
      throw new IllegalArgumentException(type + " is not a singleton item type");
    }
    return new ItemKey(type, null);
  }

  @Override
  public int compareTo(ItemKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return objectId == null ? type.name() : type + " " + objectId;
  }
}
