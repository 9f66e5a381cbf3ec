package dev.vb365.simulator.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the simulated server starts with: organizations (with users, groups, sites, teams), backup
 * repositories and proxies. The default is the resource {@code default-fixture.json}; {@link #load(Path)}
 * reads another file in the same format. Unknown properties are rejected so that typos surface.
 */
public record Fixture(List<Directory.Organization> organizations, List<Directory.Repository> repositories,
    List<Directory.Proxy> proxies) {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .findAndAddModules()
      .build();

  public Fixture {
    organizations = organizations == null ? List.of() : List.copyOf(organizations);
    repositories = repositories == null ? List.of() : List.copyOf(repositories);
    proxies = proxies == null ? List.of() : List.copyOf(proxies);
    Set<UUID> proxyIds = proxies.stream().map(Directory.Proxy::id).collect(Collectors.toSet());
    for (Directory.Repository r : repositories) {
      if (r.proxyId() != null && !proxyIds.contains(r.proxyId())) {
        throw new IllegalArgumentException("repository " + r.id() + " refers to unknown proxy " + r.proxyId());
      }
    }
    Set<Object> seen = new HashSet<>();
    for (Directory.Organization o : organizations) {
      requireUnique(seen, o.id());
      o.users().forEach(u -> requireUnique(seen, u.id().toLowerCase()));
      o.groups().forEach(g -> requireUnique(seen, g.id().toLowerCase()));
      o.sites().forEach(s -> requireUnique(seen, s.id().toLowerCase()));
      o.teams().forEach(t -> requireUnique(seen, t.id()));
    }
    repositories.forEach(r -> requireUnique(seen, r.id()));
    proxies.forEach(p -> requireUnique(seen, p.id()));
  }

  private static void requireUnique(Set<Object> seen, Object id) {
    if (!seen.add(id)) {
      throw new IllegalArgumentException("duplicate id in fixture: " + id);
    }
  }

  public static Fixture loadDefault() {
    try (InputStream in = Fixture.class.getResourceAsStream("/default-fixture.json")) {
      if (in == null) {
        throw new IllegalStateException("default-fixture.json is missing from the simulator's classpath");
      }
      return MAPPER.readValue(in, Fixture.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Fixture load(Path file) {
    try {
      return MAPPER.readValue(Files.readAllBytes(file), Fixture.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read fixture " + file + ": " + e.getMessage(), e);
    }
  }
}
