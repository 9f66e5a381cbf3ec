package dev.vb365.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON merge patch as RFC 7386 defines it, which is what a Kubernetes API server does with
 * {@code application/merge-patch+json} (kubectl apply of a custom resource, kubectl patch --type merge): objects
 * merge member by member, null removes a member, and anything else, lists included, replaces. fabric8's CRUD mock
 * merged lists instead, so an edited list was appended to the old one.
 */
final class MergePatch {

  private MergePatch() {
  }

  /** The result of patching {@code target} (not changed) with {@code patch}. */
  static JsonNode apply(JsonNode target, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      return patch == null ? null : patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
        : JsonNodeFactory.instance.objectNode();
    List<String> names = new ArrayList<>();
    patch.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode value = patch.get(name);
      if (value.isNull()) {
        result.remove(name);
      } else {
        result.set(name, apply(result.get(name), value));
      }
    }
    return result;
  }
}
