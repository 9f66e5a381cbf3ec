package dev.vb365.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.LenientObject;
import dev.vb365.simulator.model.Directory;
import dev.vb365.simulator.model.DirectoryIndex;
import dev.vb365.simulator.model.ItemType;
import dev.vb365.simulator.model.JobItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.Optional;

/**
 * Reads RESTJobItemComposed bodies. The type is required; User, Group, Site and Team items name their
 * object by id ({@code user.id} etc.), which must exist in the job's organization (else 404);
 * OneDriveFolders needs a non-empty {@code folders}. Processing options that are absent are false.
 */
final class ItemReader {
  private final DirectoryIndex directory;
  private final Representation representation;

  ItemReader(DirectoryIndex directory, Representation representation) {
    this.directory = directory;
    this.representation = representation;
  }

  List<JobItem> readList(List<JsonNode> nodes, String path, Directory.Organization org) {
    List<JobItem> items = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      items.add(read(nodes.get(i), path + "[" + i + "]", org));
    }
    return items;
  }

  JobItem read(JsonNode node, String path, Directory.Organization org) {
    LenientObject o = LenientObject.of(node, path);
    ItemType type = o.enumValue("type", ItemType.class)
        .orElseThrow(() -> ApiException.invalid("'" + o.path("type") + "' is required"));
    String objectId = switch (type) {
      case User -> reference(o, org, type, (g, id) -> directory.user(g, id).map(Directory.User::id));
      case Group -> reference(o, org, type, (g, id) -> directory.group(g, id).map(Directory.Group::id));
      case Site -> reference(o, org, type, (g, id) -> directory.site(g, id).map(Directory.Site::id));
      case Team -> reference(o, org, type, (g, id) -> directory.team(g, id).map(t -> t.id().toString()));
      default -> org.id().toString();
    };
    Map<String, Boolean> options = new LinkedHashMap<>();
    for (String option : type.options()) {
      String wireName = representation.optionName(type, option);
      Optional<Boolean> value = o.bool(wireName);
      if (value.isEmpty() && !wireName.equals(option)) {
        value = o.bool(option);
      }
      options.put(option, value.orElse(false));
    }
    List<String> folders = new ArrayList<>();
    if (type == ItemType.OneDriveFolders) {
      List<JsonNode> values = o.array("folders").filter(a -> !a.isEmpty())
          .orElseThrow(() -> ApiException.invalid("'" + o.path("folders") + "' must list at least one folder"));
      values.forEach(v -> folders.add(v.asText()));
    }
    JobItem item = new JobItem(type, objectId, options, folders);
    o.text("id").filter(id -> !id.isBlank() && !id.equalsIgnoreCase(item.id())).ifPresent(id -> {
      throw ApiException.invalid("'" + o.path("id") + "' is '" + id + "' but the item described is '" + item.id() + "'");
    });
    return item;
  }

  private static String reference(LenientObject o, Directory.Organization org, ItemType type,
      BiFunction<Directory.Organization, String, Optional<String>> lookup) {
    String property = type.objectProperty();
    LenientObject ref = o.object(property).orElseThrow(() ->
        ApiException.invalid("'" + o.path(property) + "' is required for an item of type " + type));
    String id = ref.requiredText("id");
    return lookup.apply(org, id).orElseThrow(() -> ApiException.notFound(
        type + " with ID '" + id + "' (" + ref.path("id") + ") was not found in organization '" + org.name() + "'"));
  }

}
