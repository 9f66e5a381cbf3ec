package dev.vb365.simulator.model;

import dev.vb365.simulator.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Lookups over a fixture. Object ids are compared case-insensitively, like the GUIDs they are made of. The
 * organizations' users, groups, sites and teams can change at run time (the /_sim/directory controls: a user
 * deleted and created again with a new id, a site renamed), as a tenant's directory does; each change steps the
 * object's eTag and is told to the {@link Listener} (the v8 change feed), in the order the changes were made.
 */
public final class DirectoryIndex {

  /** The kinds of directory objects, by the name the controls use in their path. */
  public enum Kind {
    USERS("users"), GROUPS("groups"), SITES("sites"), TEAMS("teams");

    private final String path;

    Kind(String path) {
      this.path = path;
    }

    public String path() {
      return path;
    }

    public static Optional<Kind> parse(String text) {
      for (Kind k : values()) {
        if (k.path.equalsIgnoreCase(text)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  /** Told of each change while the change is being made, so that its calls come in the order of the changes. */
  public interface Listener {
    /** An object was added or changed; {@code eTag} is its new version. */
    void updated(UUID organizationId, Kind kind, String id, long eTag);

    void deleted(UUID organizationId, Kind kind, String id);
  }

  /** How to read and write one kind of object in an organization. */
  private record Access<T>(Class<T> type, Function<Directory.Organization, List<T>> list,
      BiFunction<Directory.Organization, List<T>, Directory.Organization> replace, Function<T, String> id,
      Function<T, Long> eTag, BiFunction<T, Long, T> withETag) {
  }

  private static final Map<Kind, Access<?>> ACCESS = Map.of(
      Kind.USERS, new Access<>(Directory.User.class, Directory.Organization::users,
          (o, l) -> Directory.withObjects(o, l, o.groups(), o.sites(), o.teams()), Directory.User::id,
          Directory.User::eTag, Directory.User::withETag),
      Kind.GROUPS, new Access<>(Directory.Group.class, Directory.Organization::groups,
          (o, l) -> Directory.withObjects(o, o.users(), l, o.sites(), o.teams()), Directory.Group::id,
          Directory.Group::eTag, Directory.Group::withETag),
      Kind.SITES, new Access<>(Directory.Site.class, Directory.Organization::sites,
          (o, l) -> Directory.withObjects(o, o.users(), o.groups(), l, o.teams()), Directory.Site::id,
          Directory.Site::eTag, Directory.Site::withETag),
      Kind.TEAMS, new Access<>(Directory.Team.class, Directory.Organization::teams,
          (o, l) -> Directory.withObjects(o, o.users(), o.groups(), o.sites(), l), t -> t.id().toString(),
          Directory.Team::eTag, Directory.Team::withETag));

  private static final Listener NOBODY = new Listener() {
    @Override
    public void updated(UUID organizationId, Kind kind, String id, long eTag) {
    }

    @Override
    public void deleted(UUID organizationId, Kind kind, String id) {
    }
  };

  private final Fixture fixture;
  /** Replaced as a whole on each change: readers see one consistent directory. */
  private volatile Map<UUID, Directory.Organization> organizations;
  private final Map<UUID, Directory.Repository> repositories = new LinkedHashMap<>();
  private final Map<UUID, Directory.Proxy> proxies = new LinkedHashMap<>();
  private volatile Listener listener = NOBODY;

  public DirectoryIndex(Fixture fixture) {
    this.fixture = fixture;
    Map<UUID, Directory.Organization> orgs = new LinkedHashMap<>();
    fixture.organizations().forEach(o -> orgs.put(o.id(), o));
    this.organizations = orgs;
    fixture.repositories().forEach(r -> repositories.put(r.id(), r));
    fixture.proxies().forEach(p -> proxies.put(p.id(), p));
  }

  /** Objects removed at run time, by lower-case id: job items naming them still show what they were. */
  private final Map<String, Object> removed = new ConcurrentHashMap<>();

  /** Sets who is told of changes (one listener; replaces the previous one). */
  public void listener(Listener listener) {
    this.listener = listener == null ? NOBODY : listener;
  }

  public List<Directory.Organization> organizations() {
    return List.copyOf(organizations.values());
  }

  /** The object with this id as it was when it was removed, if it was. */
  public <T> Optional<T> removed(String id, Class<T> type) {
    Object o = removed.get(id.toLowerCase(Locale.ROOT));
    return type.isInstance(o) ? Optional.of(type.cast(o)) : Optional.empty();
  }

  /**
   * Adds the object, or replaces the one with its id (compared ignoring case). The object's eTag is assigned
   * here: 1 for an id never seen, one more than the last version for an object changed or added again after
   * its removal. An object equal to the one it replaces (eTag aside) changes nothing: no new eTag, no event.
   *
   * @return the object as stored, with its eTag
   */
  public synchronized <T> T put(UUID organizationId, Kind kind, T object) {
    @SuppressWarnings("unchecked")
    Access<T> access = (Access<T>) ACCESS.get(kind);
    Directory.Organization org = organization(organizationId, "organizationId");
    String key = access.id().apply(object).toLowerCase(Locale.ROOT);
    List<T> next = new ArrayList<>(access.list().apply(org));
    int index = indexOf(access, next, key);
    T previous = index < 0 ? null : next.get(index);
    if (previous != null && access.withETag().apply(object, access.eTag().apply(previous)).equals(previous)) {
      return previous;
    }
    T before = previous != null ? previous : removed(key, access.type()).orElse(null);
    T stored = access.withETag().apply(object, before == null ? 1L : access.eTag().apply(before) + 1);
    if (index < 0) {
      next.add(stored);
    } else {
      next.set(index, stored); // a change keeps the object's place in the list
    }
    replace(access.replace().apply(org, next));
    listener.updated(organizationId, kind, access.id().apply(stored), access.eTag().apply(stored));
    return stored;
  }

  /** Removes the object with this id (404 when there is none); job items naming it still show it. */
  public synchronized void remove(UUID organizationId, Kind kind, String id) {
    Access<?> access = ACCESS.get(kind);
    Directory.Organization org = organization(organizationId, "organizationId");
    removeTyped(access, org, id, kind);
  }

  private <T> void removeTyped(Access<T> access, Directory.Organization org, String id, Kind kind) {
    List<T> all = access.list().apply(org);
    List<T> kept = all.stream().filter(x -> !access.id().apply(x).equalsIgnoreCase(id)).toList();
    if (kept.size() == all.size()) {
      throw ApiException.notFound("no such directory object: " + id);
    }
    T gone = all.stream().filter(x -> access.id().apply(x).equalsIgnoreCase(id)).findFirst().orElseThrow();
    removed.put(id.toLowerCase(Locale.ROOT), gone);
    replace(access.replace().apply(org, kept));
    listener.deleted(org.id(), kind, access.id().apply(gone));
  }

  private static <T> int indexOf(Access<T> access, List<T> list, String key) {
    for (int i = 0; i < list.size(); i++) {
      if (access.id().apply(list.get(i)).toLowerCase(Locale.ROOT).equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private void replace(Directory.Organization changed) {
    Map<UUID, Directory.Organization> next = new LinkedHashMap<>(organizations);
    next.put(changed.id(), changed);
    organizations = next;
  }

  public List<Directory.Repository> repositories() {
    return fixture.repositories();
  }

  public List<Directory.Proxy> proxies() {
    return fixture.proxies();
  }

  public Directory.Organization organization(UUID id, String field) {
    Directory.Organization o = organizations.get(id);
    if (o == null) {
      throw ApiException.notFound("Organization with ID '" + id + "' (" + field + ") was not found");
    }
    return o;
  }

  public Directory.Repository repository(UUID id, String field) {
    Directory.Repository r = repositories.get(id);
    if (r == null) {
      throw ApiException.notFound("Backup repository with ID '" + id + "' (" + field + ") was not found");
    }
    return r;
  }

  public Directory.Proxy proxy(UUID id) {
    Directory.Proxy p = proxies.get(id);
    if (p == null) {
      throw ApiException.notFound("Backup proxy with ID '" + id + "' was not found");
    }
    return p;
  }

  public Optional<Directory.User> user(Directory.Organization org, String id) {
    return find(org.users(), Directory.User::id, id);
  }

  public Optional<Directory.Group> group(Directory.Organization org, String id) {
    return find(org.groups(), Directory.Group::id, id);
  }

  public Optional<Directory.Site> site(Directory.Organization org, String id) {
    return find(org.sites(), Directory.Site::id, id);
  }

  public Optional<Directory.Team> team(Directory.Organization org, String id) {
    return find(org.teams(), t -> t.id().toString(), id);
  }

  private static <T> Optional<T> find(List<T> list, Function<T, String> idOf, String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    return list.stream().filter(x -> idOf.apply(x).toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
  }
}
