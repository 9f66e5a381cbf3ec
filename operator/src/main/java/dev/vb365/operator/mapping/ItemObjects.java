package dev.vb365.operator.mapping;

import dev.vb365.operator.api.ItemType;
import dev.vb365.operator.sync.ItemKey;
import dev.vb365.operator.sync.ItemNames;
import dev.vb365.operator.veeam.model.Group;
import dev.vb365.operator.veeam.model.Site;
import dev.vb365.operator.veeam.model.Team;
import dev.vb365.operator.veeam.model.User;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The VB365 objects (users, groups, sites, teams) behind item keys, as the resolve step looked
 * them up. A request body names its object by id, but VB365 wants more of some objects (a site's
 * url and title, for instance), so the body carries what the lookup returned. An object the resolve
 * step did not look up (named by id in the spec) is sent by id alone.
 */
public final class ItemObjects {

  private final Map<String, Object> byKey = new ConcurrentHashMap<>();
  private final Map<ItemKey, String> names = new ConcurrentHashMap<>();

  public static ItemObjects none() {
    return new ItemObjects();
  }

  public ItemObjects user(User user) {
    return put("User", user.id(), user, ObjectNames.of(user));
  }

  public ItemObjects group(Group group) {
    return put("Group", group.id(), group, ObjectNames.of(group));
  }

  public ItemObjects site(Site site) {
    return put("Site", site.id(), site, ObjectNames.of(site));
  }

  public ItemObjects team(Team team) {
    return put("Team", team.id(), team, ObjectNames.of(team));
  }

  private ItemObjects put(String type, String id, Object object, String name) {
    if (id != null) {
      byKey.put(key(type, id), object);
      if (name != null) {
        names.put(ItemKey.of(ItemType.valueOf(type), id), name);
      }
    }
    return this;
  }

  /** What people call the objects looked up so far (UPN, group name, site URL, team name), by item key. */
  public ItemNames names() {
    return ItemNames.of(names);
  }

  private static String key(String type, String id) {
    return type + "|" + id.trim().toLowerCase(Locale.ROOT);
  }

  User userOf(ItemKey key) {
    Object found = byKey.get(key("User", key.objectId()));
    return found instanceof User user ? user : new User(key.objectId(), null, null, null, null);
  }

  Group groupOf(ItemKey key) {
    Object found = byKey.get(key("Group", key.objectId()));
    return found instanceof Group group ? group : new Group(key.objectId(), null, null, null, null);
  }

  Site siteOf(ItemKey key) {
    Object found = byKey.get(key("Site", key.objectId()));
    return found instanceof Site site ? site : new Site(key.objectId(), null, null, null, null, null, null);
  }

  Team teamOf(ItemKey key) {
    Object found = byKey.get(key("Team", key.objectId()));
    return found instanceof Team team ? team : new Team(key.objectId(), null, null, null);
  }
}
