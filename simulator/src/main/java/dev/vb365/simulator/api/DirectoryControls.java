package dev.vb365.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.ApiRequest;
import dev.vb365.simulator.http.ApiResponse;
import dev.vb365.simulator.http.Json;
import dev.vb365.simulator.http.RouteTable;
import dev.vb365.simulator.model.Directory;
import dev.vb365.simulator.model.DirectoryIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Changes an organization's directory at run time, as a tenant changes: {@code PUT
 * /_sim/directory/{organizationId}/{users|groups|sites|teams}} adds the object in the body (fixture format) or
 * replaces the one with its id; {@code DELETE /_sim/directory/{organizationId}/{kind}/{id}} removes it. Jobs that
 * name a removed object keep their items (as VB365 does).
 */
public final class DirectoryControls {

  private final DirectoryIndex directory;

  public DirectoryControls(DirectoryIndex directory) {
    this.directory = directory;
  }

  public void register(RouteTable routes) {
    routes.addAnonymous("PUT", "/_sim/directory/{organizationId}/{kind}", this::put);
    routes.addAnonymous("DELETE", "/_sim/directory/{organizationId}/{kind}/{id}", this::delete);
  }

  private ApiResponse put(ApiRequest request) {
    JsonNode body = request.json(true);
    Directory.Organization changed = directory.change(request.pathUuid("organizationId"), org -> switch (kind(request)) {
      case "users" -> Directory.withObjects(org, upsert(org.users(), read(body, Directory.User.class),
          Directory.User::id), org.groups(), org.sites(), org.teams());
      case "groups" -> Directory.withObjects(org, org.users(), upsert(org.groups(), read(body, Directory.Group.class),
          Directory.Group::id), org.sites(), org.teams());
      case "sites" -> Directory.withObjects(org, org.users(), org.groups(), upsert(org.sites(),
          read(body, Directory.Site.class), Directory.Site::id), org.teams());
      default -> Directory.withObjects(org, org.users(), org.groups(), org.sites(), upsert(org.teams(),
          read(body, Directory.Team.class), t -> t.id().toString()));
    });
    return ApiResponse.ok(Json.MAPPER.valueToTree(changed));
  }

  private ApiResponse delete(ApiRequest request) {
    String id = request.pathParam("id");
    directory.change(request.pathUuid("organizationId"), org -> switch (kind(request)) {
      case "users" -> Directory.withObjects(org, remove(org.users(), id, Directory.User::id), org.groups(),
          org.sites(), org.teams());
      case "groups" -> Directory.withObjects(org, org.users(), remove(org.groups(), id, Directory.Group::id),
          org.sites(), org.teams());
      case "sites" -> Directory.withObjects(org, org.users(), org.groups(), remove(org.sites(), id,
          Directory.Site::id), org.teams());
      default -> Directory.withObjects(org, org.users(), org.groups(), org.sites(), remove(org.teams(), id,
          t -> t.id().toString()));
    });
    return ApiResponse.noContent();
  }

  private static String kind(ApiRequest request) {
    String kind = request.pathParam("kind").toLowerCase(Locale.ROOT);
    if (!List.of("users", "groups", "sites", "teams").contains(kind)) {
      throw ApiException.notFound("no directory objects of kind '" + request.pathParam("kind")
          + "': users, groups, sites or teams");
    }
    return kind;
  }

  private static <T> T read(JsonNode body, Class<T> type) {
    try {
      return Json.MAPPER.treeToValue(body, type);
    } catch (Exception e) {
      throw ApiException.invalid("not a directory object of this kind: " + e.getMessage());
    }
  }

  private static <T> List<T> upsert(List<T> list, T object, Function<T, String> id) {
    List<T> out = new ArrayList<>();
    String key = id.apply(object).toLowerCase(Locale.ROOT);
    boolean replaced = false;
    for (T existing : list) {
      if (id.apply(existing).toLowerCase(Locale.ROOT).equals(key)) {
        out.add(object);
        replaced = true;
      } else {
        out.add(existing);
      }
    }
    if (!replaced) {
      out.add(object);
    }
    return out;
  }

  private <T> List<T> remove(List<T> list, String id, Function<T, String> idOf) {
    List<T> out = list.stream().filter(x -> !idOf.apply(x).equalsIgnoreCase(id)).toList();
    if (out.size() == list.size()) {
      throw ApiException.notFound("no such directory object: " + id);
    }
    list.stream().filter(x -> idOf.apply(x).equalsIgnoreCase(id)).forEach(x -> directory.removed(id, x));
    return out;
  }
}
