package dev.vb365.operator.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What people call the objects of items (a user's UPN, a group's name, a site's URL, a team's name), so that
 * messages name items as users know them. A name comes from the resolve step's lookups or from VB365's item
 * listing; an object neither knows is named by its type and VB365 id. Immutable; pure.
 */
public final class ItemNames {

  /** How many names a message lists before "and K more": enough to recognize, short enough to read. */
  static final int SHOWN = 3;

  private static final ItemNames NONE = new ItemNames(Map.of());

  private final Map<ItemKey, String> names;

  private ItemNames(Map<ItemKey, String> names) {
    this.names = Map.copyOf(names);
  }

  /** No names known: every object by its type and id. */
  public static ItemNames none() {
    return NONE;
  }

  public static ItemNames of(Map<ItemKey, String> names) {
    Map<ItemKey, String> known = new HashMap<>();
    names.forEach((key, name) -> {
      if (key != null && name != null && !name.isBlank()) {
        known.put(key, name.strip());
      }
    });
    return new ItemNames(known);
  }

  /** These names, and for keys they lack those of {@code others}. */
  public ItemNames or(ItemNames others) {
    Map<ItemKey, String> merged = new HashMap<>(others.names);
    merged.putAll(names);
    return new ItemNames(merged);
  }

  /** These names, and for keys they lack the names VB365 lists the job's items with (none when there is no job). */
  public ItemNames orListedIn(ObservedJob job) {
    return job == null ? this : orListed(job.selectedItems()).orListed(job.excludedItems());
  }

  /** These names, and for keys they lack the names VB365 lists with its items. */
  public ItemNames orListed(List<ObservedItem> items) {
    Map<ItemKey, String> listed = new HashMap<>();
    for (ObservedItem item : items) {
      if (item.name() != null) {
        listed.putIfAbsent(item.key(), item.name());
      }
    }
    return or(of(listed));
  }

  /**
   * The object of an item as people know it: its name; else "User 2b38d840-..." (its type and id); for the types
   * that name no object (PartialOrganization, PersonalSites, OneDriveFolders) the type.
   */
  public String label(ItemKey key) {
    Objects.requireNonNull(key, "key");
    return names.getOrDefault(key, key.toString());
  }

  /** An observed item: the name VB365 listed it with, else as {@link #label(ItemKey)}. */
  public String label(ObservedItem item) {
    return item.name() != null ? item.name() : label(item.key());
  }

  /** "a, b, c and 2 more": the first few, so that a message stays short however many items change. */
  public static String enumerate(List<String> labels) {
    if (labels.size() <= SHOWN) {
      return String.join(", ", labels);
    }
    return String.join(", ", labels.subList(0, SHOWN)) + " and " + (labels.size() - SHOWN) + " more";
  }
}
