package dev.vb365.simulator.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a job's selected or excluded items. The referenced object's properties are read from the
 * directory when the item is shown (an object removed from the directory since is shown as it was).
 *
 * @param objectId the referenced object's id (user, group, site, team), or the organization's id for
 *     PartialOrganization, PersonalSites and OneDriveFolders
 * @param options the type's processing options, each true or false
 * @param folders OneDrive folders (OneDriveFolders only, else empty)
 */
public record JobItem(ItemType type, String objectId, Map<String, Boolean> options, List<String> folders) {

  public JobItem {
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    folders = List.copyOf(folders);
  }

  /** The composite id: type identifier + object id, as the spec's RESTJobItemComposed.id describes. */
  public String id() {
    return type.idPrefix() + objectId;
  }
}
