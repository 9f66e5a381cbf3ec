package dev.vb365.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.ApiRequest;
import dev.vb365.simulator.http.ApiResponse;
import dev.vb365.simulator.http.Json;
import dev.vb365.simulator.http.RouteTable;
import dev.vb365.simulator.model.Directory;
import dev.vb365.simulator.model.DirectoryIndex;
import java.util.UUID;

/**
 * Changes an organization's directory at run time, as a tenant changes: {@code PUT
 * /_sim/directory/{organizationId}/{users|groups|sites|teams}} adds the object in the body (fixture format) or
 * replaces the one with its id, and answers the object as stored, with the eTag the simulator gave it (an eTag
 * in the body is ignored); {@code DELETE /_sim/directory/{organizationId}/{kind}/{id}} removes it (204). Jobs
 * that name a removed object keep their items (as VB365 does). On v8 each change is also an event of the change
 * feed (see {@link dev.vb365.simulator.store.DirectoryEvents}).
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
    UUID organizationId = request.pathUuid("organizationId");
    DirectoryIndex.Kind kind = kind(request);
    Object stored = switch (kind) {
      case USERS -> directory.put(organizationId, kind, read(body, Directory.User.class));
      case GROUPS -> directory.put(organizationId, kind, read(body, Directory.Group.class));
      case SITES -> directory.put(organizationId, kind, read(body, Directory.Site.class));
      case TEAMS -> directory.put(organizationId, kind, read(body, Directory.Team.class));
    };
    return ApiResponse.ok(Json.MAPPER.valueToTree(stored));
  }

  private ApiResponse delete(ApiRequest request) {
    directory.remove(request.pathUuid("organizationId"), kind(request), request.pathParam("id"));
    return ApiResponse.noContent();
  }

  private static DirectoryIndex.Kind kind(ApiRequest request) {
    return DirectoryIndex.Kind.parse(request.pathParam("kind")).orElseThrow(() -> ApiException.notFound(
        "no directory objects of kind '" + request.pathParam("kind") + "': users, groups, sites or teams"));
  }

  private static <T> T read(JsonNode body, Class<T> type) {
    try {
      return Json.MAPPER.treeToValue(body, type);
    } catch (Exception e) {
      throw ApiException.invalid("not a directory object of this kind: " + e.getMessage());
    }
  }
}
