package dev.vb365.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fields of a custom resource that its CRD's structural schema does not declare, as a Kubernetes API server finds
 * them: with {@code fieldValidation=Strict} (kubectl's default) it refuses the write naming them; otherwise it
 * prunes them. Objects that allow anything ({@code x-kubernetes-preserve-unknown-fields}, {@code
 * additionalProperties}) are not looked into; {@code metadata} is the API server's, not the schema's.
 */
final class UnknownFields {

  private static final Set<String> ROOT = Set.of("apiVersion", "kind", "metadata");

  private UnknownFields() {
  }

  /** The undeclared fields, as ".spec.foo" or ".spec.items[2].bar". */
  static List<String> of(JsonNode object, JsonNode schema) {
    List<String> out = new ArrayList<>();
    walk(object, schema, "", true, out, false);
    return out;
  }

  /** Removes the undeclared fields from {@code object} (in place). */
  static void prune(JsonNode object, JsonNode schema) {
    walk(object, schema, "", true, new ArrayList<>(), true);
  }

  private static void walk(JsonNode node, JsonNode schema, String path, boolean root, List<String> out,
      boolean remove) {
    if (node == null || schema == null || schema.isMissingNode()
        || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      return;
    }
    if (node.isObject()) {
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.get("additionalProperties");
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (root && ROOT.contains(name)) {
          continue;
        }
        if (properties.has(name)) {
          walk(node.get(name), properties.get(name), path + "." + name, false, out, remove);
        } else if (additional != null && additional.isObject()) {
          walk(node.get(name), additional, path + "." + name, false, out, remove);
        } else if (additional == null || !additional.asBoolean(true)) {
          out.add(path + "." + name);
          if (remove) {
            ((ObjectNode) node).remove(name);
          }
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), schema.path("items"), path + "[" + i + "]", false, out, remove);
      }
    }
  }
}
