package dev.vb365.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents (/version, /api, /apis, /api/v1, /apis/{group}/{version}) that real kubectl reads
 * before it does anything. fabric8's CRUD mock server answers those paths with unrelated lists, so the
 * embedded API serves them from here: a fixed set of built-in resources the operator and kubectl use, plus
 * whatever CustomResourceDefinitions are stored in the mock server at the time of the request.
 */
final class DiscoveryDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** Built-in group versions and the resources served in each (plural, kind, namespaced). */
  private static final Map<String, List<String[]>> BUILT_IN = new LinkedHashMap<>();

  static {
    BUILT_IN.put("v1", List.of(
        new String[] {"namespaces", "Namespace", "false", "ns"},
        new String[] {"secrets", "Secret", "true", ""},
        new String[] {"configmaps", "ConfigMap", "true", "cm"},
        new String[] {"events", "Event", "true", "ev"},
        new String[] {"serviceaccounts", "ServiceAccount", "true", "sa"},
        new String[] {"services", "Service", "true", "svc"},
        new String[] {"pods", "Pod", "true", "po"}));
    BUILT_IN.put("apiextensions.k8s.io/v1", List.<String[]>of(
        new String[] {"customresourcedefinitions", "CustomResourceDefinition", "false", "crd,crds"}));
    BUILT_IN.put("coordination.k8s.io/v1", List.<String[]>of(new String[] {"leases", "Lease", "true", ""}));
    BUILT_IN.put("events.k8s.io/v1", List.<String[]>of(new String[] {"events", "Event", "true", "ev"}));
    BUILT_IN.put("authorization.k8s.io/v1", List.of(
        new String[] {"selfsubjectaccessreviews", "SelfSubjectAccessReview", "false", ""},
        new String[] {"selfsubjectrulesreviews", "SelfSubjectRulesReview", "false", ""}));
    BUILT_IN.put("apps/v1", List.<String[]>of(new String[] {"deployments", "Deployment", "true", "deploy"}));
  }

  private DiscoveryDocuments() {}

  static String version() {
    return """
        {"major":"1","minor":"32","gitVersion":"v1.32.0-vb365-embedded","gitCommit":"embedded",\
        "gitTreeState":"clean","buildDate":"2026-01-01T00:00:00Z","goVersion":"java","compiler":"fabric8-mock",\
        "platform":"linux/amd64"}""";
  }

  static String coreVersions(String serverAddress) {
    ObjectNode doc = JSON.createObjectNode().put("kind", "APIVersions");
    doc.putArray("versions").add("v1");
    doc.putArray("serverAddressByClientCIDRs").addObject()
        .put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress);
    return doc.toString();
  }

  /** The APIGroupList: built-in groups first, then one group per CRD group. */
  static String groupList(List<JsonNode> crds) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    BUILT_IN.keySet().stream().filter(gv -> gv.contains("/")).forEach(gv -> {
      String[] parts = gv.split("/");
      groups.computeIfAbsent(parts[0], g -> new java.util.ArrayList<>()).add(parts[1]);
    });
    for (JsonNode crd : crds) {
      String group = crd.path("spec").path("group").asText();
      for (JsonNode version : crd.path("spec").path("versions")) {
        if (version.path("served").asBoolean(true)) {
          List<String> versions = groups.computeIfAbsent(group, g -> new java.util.ArrayList<>());
          if (!versions.contains(version.path("name").asText())) {
            versions.add(version.path("name").asText());
          }
        }
      }
    }
    ObjectNode doc = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
    ArrayNode list = doc.putArray("groups");
    groups.forEach((group, versions) -> {
      ObjectNode g = list.addObject().put("name", group);
      ArrayNode vs = g.putArray("versions");
      versions.forEach(v -> vs.addObject().put("groupVersion", group + "/" + v).put("version", v));
      g.putObject("preferredVersion").put("groupVersion", group + "/" + versions.get(0)).put("version", versions.get(0));
    });
    return doc.toString();
  }

  /** The kind served under a plural in a group version ("v1", "events" -> Event), if any. */
  static Optional<String> kindOf(String groupVersion, String plural, List<JsonNode> crds) {
    List<String[]> builtIn = BUILT_IN.get(groupVersion);
    if (builtIn != null) {
      return builtIn.stream().filter(r -> r[0].equals(plural)).map(r -> r[1]).findFirst();
    }
    for (JsonNode crd : crds) {
      JsonNode spec = crd.path("spec");
      if (plural.equals(spec.path("names").path("plural").asText())
          && groupVersion.startsWith(spec.path("group").asText() + "/")) {
        return Optional.of(spec.path("names").path("kind").asText());
      }
    }
    return Optional.empty();
  }

  /** The APIResourceList of one group version, or empty when nothing is served there. */
  static Optional<String> resourceList(String groupVersion, List<JsonNode> crds) {
    ObjectNode doc = JSON.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
        .put("groupVersion", groupVersion);
    ArrayNode resources = doc.putArray("resources");
    List<String[]> builtIn = BUILT_IN.get(groupVersion);
    if (builtIn != null) {
      for (String[] r : builtIn) {
        ObjectNode node = resources.addObject().put("name", r[0]).put("singularName", r[1].toLowerCase())
            .put("kind", r[1]).put("namespaced", Boolean.parseBoolean(r[2]));
        ALL_VERBS.forEach(node.putArray("verbs")::add);
        if (!r[3].isEmpty()) {
          ArrayNode shortNames = node.putArray("shortNames");
          for (String s : r[3].split(",")) {
            shortNames.add(s);
          }
        }
      }
      return Optional.of(doc.toString());
    }
    for (JsonNode crd : crds) {
      JsonNode spec = crd.path("spec");
      for (JsonNode version : spec.path("versions")) {
        if (!(spec.path("group").asText() + "/" + version.path("name").asText()).equals(groupVersion)) {
          continue;
        }
        JsonNode names = spec.path("names");
        boolean namespaced = "Namespaced".equals(spec.path("scope").asText());
        ObjectNode node = resources.addObject().put("name", names.path("plural").asText())
            .put("singularName", names.path("singular").asText(names.path("kind").asText().toLowerCase()))
            .put("kind", names.path("kind").asText()).put("namespaced", namespaced);
        ALL_VERBS.forEach(node.putArray("verbs")::add);
        if (names.has("shortNames")) {
          node.set("shortNames", names.get("shortNames"));
        }
        if (names.has("categories")) {
          node.set("categories", names.get("categories"));
        }
        if (version.path("subresources").has("status")) {
          ObjectNode status = resources.addObject().put("name", names.path("plural").asText() + "/status")
              .put("singularName", "").put("kind", names.path("kind").asText()).put("namespaced", namespaced);
          List.of("get", "patch", "update").forEach(status.putArray("verbs")::add);
        }
      }
    }
    return resources.isEmpty() ? Optional.empty() : Optional.of(doc.toString());
  }
}
