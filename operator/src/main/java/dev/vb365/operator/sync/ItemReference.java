package dev.vb365.operator.sync;

import dev.vb365.operator.api.ItemType;
import java.util.Locale;
import java.util.Objects;

/**
 * How a spec names the object of an item, before the resolve step turns it into a VB365 id:
 * by id (no lookup needed), by name, by URL (sites) or by mail (teams). Singleton types name no
 * object.
 */
public record ItemReference(ItemType type, By by, String value) {

  public enum By {
    Id,
    Name,
    Url,
    Mail
  }

  public ItemReference {
    Objects.requireNonNull(type, "type");
    if (type.isSingleton()) {
      if (by != null || value != null) {
        throw new IllegalArgumentException(type + " items name no object");
      }
    } else {
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(value, "value");
      value = value.trim();
    }
  }

  public static ItemReference singleton(ItemType type) {
    return new ItemReference(type, null, null);
  }

  public boolean isSingleton() {
    return type.isSingleton();
  }

  /**
   * The lookup key VB365 would treat as equal: names, mails and ids are case-insensitive, a URL's
   * trailing slash does not matter. Use it to cache resolutions and to compare references.
   */
  public String canonicalValue() {
    if (value == null) {
      return null;
    }
    String v = value.toLowerCase(Locale.ROOT);
    return by == By.Url ? v.replaceAll("/+$", "") : v;
  }

  /** The item key when the reference is already an id or names no object; null when a lookup is needed. */
  public ItemKey keyWithoutLookup() {
    if (isSingleton()) {
      return ItemKey.singleton(type);
    }
    return by == By.Id ? ItemKey.of(type, value) : null;
  }

  @Override
  public String toString() {
    return isSingleton() ? type.name() : type + " " + by.name().toLowerCase(Locale.ROOT) + " " + value;
  }
}
