package dev.vb365.simulator.model;

import dev.vb365.simulator.http.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Lookups over a fixture. Object ids are compared case-insensitively, like the GUIDs they are made of. The
 * organizations' users, groups, sites and teams can change at run time (the /_sim/directory controls: a user
 * deleted and created again with a new id, a site renamed), as a tenant's directory does.
 */
public final class DirectoryIndex {
  private final Fixture fixture;
  /** Replaced as a whole on each change: readers see one consistent directory. */
  private volatile Map<UUID, Directory.Organization> organizations;
  private final Map<UUID, Directory.Repository> repositories = new LinkedHashMap<>();
  private final Map<UUID, Directory.Proxy> proxies = new LinkedHashMap<>();

  public DirectoryIndex(Fixture fixture) {
    this.fixture = fixture;
    Map<UUID, Directory.Organization> orgs = new LinkedHashMap<>();
    fixture.organizations().forEach(o -> orgs.put(o.id(), o));
    this.organizations = orgs;
    fixture.repositories().forEach(r -> repositories.put(r.id(), r));
    fixture.proxies().forEach(p -> proxies.put(p.id(), p));
  }

  /** Objects removed at run time, by lower-case id: job items naming them still show what they were. */
  private final Map<String, Object> removed = new java.util.concurrent.ConcurrentHashMap<>();

  public List<Directory.Organization> organizations() {
    return List.copyOf(organizations.values());
  }

  /** Remembers an object removed from the directory, for the job items that still name it. */
  public void removed(String id, Object object) {
    removed.put(id.toLowerCase(Locale.ROOT), object);
  }

  /** The object with this id as it was when it was removed, if it was. */
  public <T> Optional<T> removed(String id, Class<T> type) {
    Object o = removed.get(id.toLowerCase(Locale.ROOT));
    return type.isInstance(o) ? Optional.of(type.cast(o)) : Optional.empty();
  }

  /** Replaces an organization's directory objects with what {@code change} makes of the organization. */
  public synchronized Directory.Organization change(UUID organizationId,
      java.util.function.UnaryOperator<Directory.Organization> change) {
    Directory.Organization changed = change.apply(organization(organizationId, "organizationId"));
    Map<UUID, Directory.Organization> next = new LinkedHashMap<>(organizations);
    next.put(organizationId, changed);
    organizations = next;
    return changed;
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
