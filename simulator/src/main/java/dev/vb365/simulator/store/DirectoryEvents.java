package dev.vb365.simulator.store;

import dev.vb365.simulator.http.Json;
import dev.vb365.simulator.model.DirectoryIndex;
import java.util.UUID;

/**
 * The v8 change feed's directory events: a user, group, site or team added or changed at run time appends
 * {@code Organization{User|Group|Site|Team}Update {id, organizationId, eTag}} with the object's new eTag (the
 * one its representation shows from then on); a removal appends {@code Organization...Delete {id,
 * organizationId}} (RESTOrganization*UpdateEvent / *DeleteEvent). v6 and v7 have no change feed.
 */
public final class DirectoryEvents implements DirectoryIndex.Listener {
  private final EventLog events;

  public DirectoryEvents(EventLog events) {
    this.events = events;
  }

  /** "OrganizationUser", "OrganizationGroup", "OrganizationSite" or "OrganizationTeam". */
  static String prefix(DirectoryIndex.Kind kind) {
    return switch (kind) {
      case USERS -> "OrganizationUser";
      case GROUPS -> "OrganizationGroup";
      case SITES -> "OrganizationSite";
      case TEAMS -> "OrganizationTeam";
    };
  }

  @Override
  public void updated(UUID organizationId, DirectoryIndex.Kind kind, String id, long eTag) {
    events.append(Json.object().put("eventType", prefix(kind) + "Update").put("id", id)
        .put("organizationId", organizationId.toString()).put("eTag", eTag));
  }

  @Override
  public void deleted(UUID organizationId, DirectoryIndex.Kind kind, String id) {
    events.append(Json.object().put("eventType", prefix(kind) + "Delete").put("id", id)
        .put("organizationId", organizationId.toString()));
  }
}
