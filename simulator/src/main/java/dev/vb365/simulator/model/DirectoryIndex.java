package dev.vb365.simulator.model;

import dev.vb365.simulator.http.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Lookups over a fixture. Object ids are compared case-insensitively, like the GUIDs they are made of. */
public final class DirectoryIndex {
  private final Fixture fixture;
  private final Map<UUID, Directory.Organization> organizations = new LinkedHashMap<>();
  private final Map<UUID, Directory.Repository> repositories = new LinkedHashMap<>();
  private final Map<UUID, Directory.Proxy> proxies = new LinkedHashMap<>();

  public DirectoryIndex(Fixture fixture) {
    this.fixture = fixture;
    fixture.organizations().forEach(o -> organizations.put(o.id(), o));
    fixture.repositories().forEach(r -> repositories.put(r.id(), r));
    fixture.proxies().forEach(p -> proxies.put(p.id(), p));
  }

  public List<Directory.Organization> organizations() {
    return fixture.organizations();
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
